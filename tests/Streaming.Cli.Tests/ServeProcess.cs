using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Streaming.Cli.Tests;

/// <summary>A <c>streaming serve</c> process with a signing key of its own; its output is kept for assertions.</summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServeProcess(Process process) => _process = process;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>A fresh signing key, as the environment variable the server and <c>streaming token</c> read.</summary>
    public static Dictionary<string, string> KeyEnvironment() => new()
    {
        ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    /// <summary>Starts <c>streaming serve ARGS</c> and waits until <paramref name="readyAt"/>/health/ready answers.</summary>
    public static async Task<ServeProcess> StartAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, Uri readyAt)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "streaming.dll"), "serve" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var served = new ServeProcess(process);
        process.OutputDataReceived += (_, e) => served.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => served.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await served.WaitUntilReadyAsync(readyAt);
        }
        catch
        {
            await served.DisposeAsync();
            throw;
        }

        return served;
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilReadyAsync(Uri server)
    {
        using var http = new HttpClient { BaseAddress = server };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"streaming serve exited early:\n{Output}");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"streaming serve did not become ready at {server} within 90 s:\n{Output}");
    }
}
