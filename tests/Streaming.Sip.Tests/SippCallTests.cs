using Streaming.Pipeline;
using Streaming.Sip.Rtp;

namespace Streaming.Sip.Tests;

/// <summary>SIPp, a real third-party SIP peer, calls the ingress and replays G.711 RTP from pcap files built here.</summary>
[Collection(SipCollection.Name)]
public sealed class SippCallTests(SipFixture fixture) : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private readonly string _work = Directory.CreateTempSubdirectory("sipp-").FullName;

    [Fact]
    public Task Parallel_pcmu_calls_from_sipp_each_produce_speech_events_and_a_transcript() => RunAsync(RtpCodec.Pcmu, calls: 3);

    [Fact]
    public Task Pcma_call_from_sipp_produces_speech_events_and_a_transcript() => RunAsync(RtpCodec.Pcma, calls: 1);

    [Fact]
    public Task Call_from_sipp_over_tcp_produces_a_transcript() => RunAsync(RtpCodec.Pcmu, calls: 1, tcp: true);

    private async Task RunAsync(RtpCodec codec, int calls, bool tcp = false)
    {
        await using var server = await fixture.StartAsync();
        var payloadType = codec == RtpCodec.Pcmu ? 0 : 8;
        var pcap = Path.Combine(_work, $"speech-{codec}.pcap");
        PcapWriter.Write(pcap, Sipp.RtpPackets(fixture.Speech, payloadType), TimeSpan.FromMilliseconds(20));
        var scenario = Path.Combine(_work, "uac.xml");
        await File.WriteAllTextAsync(scenario, Sipp.Scenario(pcap, payloadType, codec == RtpCodec.Pcmu ? "PCMU" : "PCMA", TimeSpan.FromSeconds(6)));

        var (exit, output) = await Sipp.RunAsync(
            $"127.0.0.1:{(tcp ? server.Ingress.TcpEndPoint!.Port : server.Port)} -t {(tcp ? "t1" : "u1")} -sf {scenario} -m {calls} -l {calls} -r {calls} -i 127.0.0.1 -p {Sipp.FreePort()} -mp {Sipp.FreePort()} " +
            $"-timeout 80s -timeout_error -nostdin -trace_err -error_file {Path.Combine(_work, "errors.log")}",
            Wait);
        Assert.True(exit == 0, $"sipp exited {exit}:\n{output}\n{Sipp.ReadIfExists(Path.Combine(_work, "errors.log"))}");

        var sessions = await server.WaitForSessionsAsync(calls, Wait);
        Assert.Equal(calls, sessions.Select(s => s.Info.CallId).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, calls).Select(n => $"agent-{n}"), sessions.Select(s => s.Info.Correlation!).Order());
        foreach (var session in sessions)
        {
            Assert.Equal(codec, session.Info.Codec);
            Assert.Equal("remote hangup", await session.Ended.Task.WaitAsync(Wait));
            var events = await session.Events.WaitAsync(Wait);
            Assert.Contains(events, e => e is SpeechStartedEvent);
            Assert.Contains(events, e => e is SpeechEndedEvent);
            var text = await session.FinalTextAsync(Wait);
            Assert.True(text.Contains("fellow", StringComparison.OrdinalIgnoreCase), $"transcript of {session.Info.CallId}: '{text}'");
        }

        Assert.Empty(server.Ingress.FindSessions(sessions[0].Info.CallId));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
