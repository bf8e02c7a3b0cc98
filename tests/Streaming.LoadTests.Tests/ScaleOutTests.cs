using Microsoft.AspNetCore.SignalR;
using Streaming.Client;
using Streaming.Protocol;
using Streaming.Testing;

namespace Streaming.LoadTests.Tests;

/// <summary>
/// Two server processes joined by a private redis-server: a viewer connected to node B watches a session
/// that streams into node A, with authorisation decided on B from the owner recorded in Redis.
/// </summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private RedisProcess redis = null!;
    private ServerProcess nodeA = null!;
    private ServerProcess nodeB = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisProcess.StartAsync();
        var key = ServerProcess.NewSigningKey();
        var settings = new Dictionary<string, string> { ["Redis:Connection"] = redis.Connection };
        var nodes = await Task.WhenAll(ServerProcess.StartAsync(key, settings), ServerProcess.StartAsync(key, settings));
        (nodeA, nodeB) = (nodes[0], nodes[1]);
    }

    public async Task DisposeAsync()
    {
        await nodeA.DisposeAsync();
        await nodeB.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task A_viewer_on_node_B_sees_the_captions_of_a_session_streaming_into_node_A()
    {
        Assert.NotEqual(nodeA.Address, nodeB.Address);
        await using var speaker = new TranscriptionClient(nodeA.Address, nodeA.Tokens.Create("alice"));
        var speakerFinals = new List<string>();
        var speakerSegments = 0;
        var speakerSegmentsEnded = 0;
        speaker.SpeechStarted += _ => Interlocked.Increment(ref speakerSegments);
        speaker.SpeechEnded += _ => Interlocked.Increment(ref speakerSegmentsEnded);
        speaker.Final += r =>
        {
            lock (speakerFinals)
            {
                speakerFinals.Add(r.Text);
            }
        };
        await speaker.ConnectAsync();
        var sessionId = await speaker.StartSessionAsync(new SessionRequest { Language = "en", SampleRate = 16000 });

        await using var viewer = new TranscriptionClient(nodeB.Address, nodeB.Tokens.Create("bob", viewerSessions: [sessionId]));
        var viewerPartials = 0;
        var viewerFinals = new List<string>();
        viewer.Partial += _ => Interlocked.Increment(ref viewerPartials);
        viewer.Final += r =>
        {
            lock (viewerFinals)
            {
                viewerFinals.Add(r.Text);
            }
        };
        await viewer.ConnectAsync();
        await viewer.SubscribeAsync(sessionId);

        var source = new WavAudioSource(TestPaths.InRepo("samples", "jfk.wav"));
        await speaker.SendAudioAsync(sessionId, source.ReadAsync(chunkMs: 100, paced: false));

        // Every segment the speaker saw is closed (its final came first) and the viewer has as many finals.
        await WaitUntilAsync(
            () => speakerSegments > 0 && Volatile.Read(ref speakerSegmentsEnded) == speakerSegments && Count(viewerFinals) == Count(speakerFinals),
            TimeSpan.FromSeconds(30));

        lock (speakerFinals)
            lock (viewerFinals)
            {
                Assert.Contains("country", string.Join(' ', speakerFinals).ToLowerInvariant());
                Assert.Equal(speakerFinals, viewerFinals);
            }

        Assert.True(viewerPartials > 0, "the viewer on node B should also see partials");
    }

    [Fact]
    public async Task The_owner_may_watch_from_the_other_node_but_a_stranger_may_not()
    {
        await using var speaker = new TranscriptionClient(nodeA.Address, nodeA.Tokens.Create("alice"));
        await speaker.ConnectAsync();
        var sessionId = await speaker.StartSessionAsync(new SessionRequest { Language = "en", SampleRate = 16000 });

        await using var owner = new TranscriptionClient(nodeB.Address, nodeB.Tokens.Create("alice"));
        await using var stranger = new TranscriptionClient(nodeB.Address, nodeB.Tokens.Create("mallory"));
        await owner.ConnectAsync();
        await stranger.ConnectAsync();

        await owner.SubscribeAsync(sessionId);
        var refused = await Assert.ThrowsAsync<HubException>(() => stranger.SubscribeAsync(sessionId));
        Assert.Contains($"You may not watch session {sessionId}", refused.Message);
        var missing = await Assert.ThrowsAsync<HubException>(() => stranger.SubscribeAsync("no-such-session"));
        Assert.Contains("Session no-such-session was not found", missing.Message);
    }

    private static int Count(List<string> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }
}
