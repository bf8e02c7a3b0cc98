using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Streaming.Pipeline;
using Streaming.Sip.Calls;
using Streaming.Testing;
using Xunit.Abstractions;

namespace Streaming.Sip.Tests;

/// <summary>
/// The RFC 4475 corpus over UDP and TCP, then concurrent PCMU calls from SIPp on the same ingress: every call is
/// answered, carries all its audio and ends with a clean BYE. Sessions only count audio, so the figure is about
/// signalling and media, not recognition. CI runs 10 calls of 5 s; SIP_LOAD_CALLS and SIP_LOAD_SECONDS scale it.
/// </summary>
[Collection(SipCollection.Name)]
public sealed class SippLoadTests(SipFixture fixture, ITestOutputHelper output) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("sipp-load-").FullName;

    [Fact]
    public async Task Concurrent_pcmu_calls_after_the_torture_corpus_all_complete_with_their_audio()
    {
        var calls = int.Parse(Environment.GetEnvironmentVariable("SIP_LOAD_CALLS") ?? "10");
        var seconds = int.Parse(Environment.GetEnvironmentVariable("SIP_LOAD_SECONDS") ?? "5");
        var sessions = new CountingSessionFactory();
        var options = SipFixture.LoopbackOptions();
        options.TcpMessageTimeoutSeconds = 2;
        await using var ingress = new SipIngress(options, sessions);
        var ended = new ConcurrentDictionary<string, string>();
        ingress.SessionEnded += (_, e) => ended[e.Info.SessionId] = e.Reason;
        await ingress.StartAsync(CancellationToken.None);
        using var metrics = new MetricRecorder(ingress);

        await SendCorpusAsync(ingress);

        var speech = Enumerable.Repeat(fixture.Speech, (seconds / 5) + 1).SelectMany(s => s).Take(16000 * seconds).ToArray();
        var pcap = Path.Combine(_work, "speech.pcap");
        PcapWriter.Write(pcap, Sipp.RtpPackets(speech, 0), TimeSpan.FromMilliseconds(20));
        var scenario = Path.Combine(_work, "uac.xml");
        await File.WriteAllTextAsync(scenario, Sipp.Scenario(pcap, 0, "PCMU", TimeSpan.FromSeconds(seconds + 1)));
        var errors = Path.Combine(_work, "errors.log");
        var clock = Stopwatch.StartNew();
        var (exit, sippOutput) = await Sipp.RunAsync(
            $"127.0.0.1:{ingress.UdpEndPoint!.Port} -t u1 -sf {scenario} -m {calls} -l {calls} -r {calls} -i 127.0.0.1 -p {Sipp.FreePort()} -mp {Sipp.FreePort()} " +
            $"-timeout {seconds + 60}s -timeout_error -nostdin -trace_err -error_file {errors}",
            TimeSpan.FromSeconds(seconds + 90));
        output.WriteLine($"sipp: {calls} calls of {seconds} s, exit {exit}, {clock.Elapsed.TotalSeconds:F1} s wall, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        output.WriteLine(sippOutput);
        Assert.True(exit == 0, $"sipp exited {exit}:\n{sippOutput}\n{Sipp.ReadIfExists(errors)}");

        var sippSessions = sessions.Opened.Where(s => s.Info.Correlation?.StartsWith("agent-", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(calls, sippSessions.Count);
        var expectedBytes = 16000L * 2 * seconds;
        foreach (var session in sippSessions)
        {
            await session.Completed.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("remote hangup", ended[session.Info.SessionId]);
            // Up to the jitter buffer's last packets may be cut by the BYE; everything else arrived.
            Assert.True(session.Bytes >= expectedBytes * 0.98, $"{session.Info.CallId}: {session.Bytes} of {expectedBytes} PCM bytes");
        }

        output.WriteLine($"audio per call: min {sippSessions.Min(s => s.Bytes) / 32000.0:F2} s, max {sippSessions.Max(s => s.Bytes) / 32000.0:F2} s");
        Assert.Equal(0, metrics.Total("sip.errors.internal"));
        Assert.Equal(0, metrics.Total("sip.requests.refused", "capacity"));
    }

    // Every torture message over UDP from one socket and over TCP on a connection each, answers unread.
    private static async Task SendCorpusAsync(SipIngress ingress)
    {
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var connections = new List<TcpClient>();
        foreach (var file in Directory.GetFiles(TestPaths.SharedTestData("sip", "rfc4475"), "*.dat"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            await udp.SendToAsync(bytes, SocketFlags.None, ingress.UdpEndPoint!);
            var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, ingress.TcpEndPoint!.Port);
            await tcp.GetStream().WriteAsync(bytes);
            connections.Add(tcp);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        connections.ForEach(c => c.Dispose());
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private sealed class CountingSessionFactory : ICallSessionFactory
    {
        public ConcurrentQueue<CountingSession> Opened { get; } = new();

        public ValueTask<ICallSession> OpenAsync(CallSessionInfo info, CancellationToken cancellationToken)
        {
            var session = new CountingSession(info);
            Opened.Enqueue(session);
            return ValueTask.FromResult<ICallSession>(session);
        }
    }

    private sealed class CountingSession(CallSessionInfo info) : ICallSession
    {
        private long _bytes;

        public CallSessionInfo Info { get; } = info;

        public long Bytes => Interlocked.Read(ref _bytes);

        public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public AudioWriteResult TryWriteAudio(ReadOnlyMemory<byte> pcm16)
        {
            Interlocked.Add(ref _bytes, pcm16.Length);
            return AudioWriteResult.Accepted;
        }

        public void Complete() => Completed.TrySetResult();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
