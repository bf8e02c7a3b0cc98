using System.Collections.Concurrent;
using Streaming.Client;
using Streaming.Protocol;

namespace Streaming.FunctionalTests;

/// <summary>Records every event a client receives, in arrival order.</summary>
public sealed class EventLog
{
    private readonly ConcurrentQueue<(string Kind, object Payload)> _events = new();

    public EventLog(TranscriptionClient client)
    {
        client.SpeechStarted += e => _events.Enqueue(("speechStarted", e));
        client.Partial += e => _events.Enqueue(("partial", e));
        client.Final += e => _events.Enqueue(("final", e));
        client.SpeechEnded += e => _events.Enqueue(("speechEnded", e));
        client.Error += e => _events.Enqueue(("error", e));
        client.KeywordSpotted += e => _events.Enqueue(("keywordSpotted", e));
    }

    public IReadOnlyList<(string Kind, object Payload)> All => _events.ToArray();

    public IReadOnlyList<TranscriptResult> Finals => All.Where(e => e.Kind == "final").Select(e => (TranscriptResult)e.Payload).ToArray();

    public IReadOnlyList<KeywordSpotted> Keywords => All.Where(e => e.Kind == "keywordSpotted").Select(e => (KeywordSpotted)e.Payload).ToArray();

    public IReadOnlyList<SessionError> Errors => All.Where(e => e.Kind == "error").Select(e => (SessionError)e.Payload).ToArray();

    /// <summary>Waits until <paramref name="condition"/> holds, failing after <paramref name="seconds"/>.</summary>
    public async Task WaitForAsync(Func<EventLog, bool> condition, double seconds = 20)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {seconds} s; events: {string.Join(", ", All.Select(e => e.Kind))}");
            }

            await Task.Delay(50);
        }
    }
}
