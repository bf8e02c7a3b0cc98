using System.Collections.Concurrent;
using Streaming.Pipeline;
using Streaming.Sip.Calls;

namespace Streaming.Sip.Tests;

/// <summary>A started <see cref="SipIngress"/> that records every session it opens and drains its events.</summary>
public sealed class TestIngress : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedSession> _sessions = new();
    private readonly SemaphoreSlim _started = new(0);

    public TestIngress(SipIngress ingress)
    {
        Ingress = ingress;
        ingress.SessionStarted += (_, e) =>
        {
            var session = new RecordedSession(e.Info, e.Session);
            _sessions.Enqueue(session);
            _started.Release();
        };
        ingress.SessionEnded += (_, e) =>
        {
            foreach (var session in _sessions.Where(s => s.Info.SessionId == e.Info.SessionId))
            {
                session.Ended.TrySetResult(e.Reason);
            }
        };
    }

    public SipIngress Ingress { get; }

    public int Port => Ingress.UdpEndPoint!.Port;

    public IReadOnlyCollection<RecordedSession> Sessions => [.. _sessions];

    /// <summary>Waits until <paramref name="count"/> sessions have started in all.</summary>
    public async Task<List<RecordedSession>> WaitForSessionsAsync(int count, TimeSpan timeout)
    {
        while (_sessions.Count < count)
        {
            Assert.True(await _started.WaitAsync(timeout), $"only {_sessions.Count} of {count} sessions started within {timeout}");
        }

        return [.. _sessions];
    }

    public async ValueTask DisposeAsync()
    {
        await Ingress.DisposeAsync();
        _started.Dispose();
    }
}

/// <summary>One call channel's session and everything its pipeline reported.</summary>
public sealed class RecordedSession
{
    public RecordedSession(CallSessionInfo info, ICallSession session)
    {
        Info = info;
        var pipeline = Assert.IsType<PipelineCallSession>(session).Pipeline;
        Events = Task.Run(async () =>
        {
            var events = new List<PipelineEvent>();
            await foreach (var e in pipeline.Events.ReadAllAsync())
            {
                events.Add(e);
            }

            return events;
        });
    }

    public CallSessionInfo Info { get; }

    /// <summary>All events, complete once the session has flushed after hang-up.</summary>
    public Task<List<PipelineEvent>> Events { get; }

    public TaskCompletionSource<string> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<string> FinalTextAsync(TimeSpan timeout)
    {
        var events = await Events.WaitAsync(timeout);
        return string.Join(" ", events.OfType<TranscriptEvent>().Where(t => t.IsFinal).Select(t => t.Text));
    }
}
