using Streaming.LoadTests.Framework;

namespace Streaming.LoadTests.Sessions;

/// <summary>
/// Checks, before a run, that the server can be used at all: its readiness endpoint first, then one short trial
/// session over the run's protocol. A server that is not listening, not ready or refuses the client (no token,
/// wrong protocol) stops the run with one clear error rather than thousands of failed sessions.
/// </summary>
public static class ServerPreflight
{
    /// <summary>How much of the first clip the trial session streams.</summary>
    public static readonly TimeSpan TrialLength = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs the checks; <paramref name="trial"/> runs one session.</summary>
    /// <exception cref="ServerUnavailableException">The server cannot be reached or used; the message says why.</exception>
    public static async Task CheckAsync(Uri server, Func<ScenarioContext, Task<SessionOutcome>> trial, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = HealthTimeout };
        HttpResponseMessage ready;
        try
        {
            ready = await http.GetAsync("/health/ready", cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ServerUnavailableException($"cannot reach the server at {server}: {ex.Message} (is it running? --server sets its address)");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerUnavailableException($"the server at {server} did not answer /health/ready within {HealthTimeout.TotalSeconds:F0} s");
        }

        using (ready)
        {
            if (!ready.IsSuccessStatusCode)
            {
                throw new ServerUnavailableException(
                    $"the server at {server} is not ready: /health/ready answered {(int)ready.StatusCode} {ready.ReasonPhrase} (still loading its models?)");
            }
        }

        var outcome = await trial(new ScenarioContext("preflight", 0, 0, cancellationToken));
        if (outcome.Error is { } error)
        {
            throw new ServerUnavailableException($"a trial session on {server} failed, so the run was not started: {error}");
        }
    }
}
