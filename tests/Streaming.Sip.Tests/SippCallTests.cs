using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Streaming.Audio;
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
        PcapWriter.Write(pcap, RtpPackets(fixture.Speech, payloadType), TimeSpan.FromMilliseconds(20));
        var scenario = Path.Combine(_work, "uac.xml");
        await File.WriteAllTextAsync(scenario, Scenario(pcap, payloadType, codec == RtpCodec.Pcmu ? "PCMU" : "PCMA"));

        var (exit, output) = await RunSippAsync(
            $"127.0.0.1:{(tcp ? server.Ingress.TcpEndPoint!.Port : server.Port)} -t {(tcp ? "t1" : "u1")} -sf {scenario} -m {calls} -l {calls} -r {calls} -i 127.0.0.1 -p {FreePort()} -mp {FreePort()} " +
            $"-timeout 80s -timeout_error -nostdin -trace_err -error_file {Path.Combine(_work, "errors.log")}");
        Assert.True(exit == 0, $"sipp exited {exit}:\n{output}\n{ReadIfExists(Path.Combine(_work, "errors.log"))}");

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

    private static List<byte[]> RtpPackets(float[] speech, int payloadType)
    {
        var narrow = Resampler.Resample(speech, 16000, 8000);
        var packets = new List<byte[]>();
        for (var i = 0; i + 160 <= narrow.Length; i += 160)
        {
            var payload = new byte[160];
            for (var j = 0; j < 160; j++)
            {
                var sample = (short)Math.Clamp(narrow[i + j] * 32767f, short.MinValue, short.MaxValue);
                payload[j] = payloadType == 0 ? G711.LinearToMuLaw(sample) : G711.LinearToALaw(sample);
            }

            packets.Add(RtpPacket.Build(payloadType, (ushort)(i / 160), (uint)i, 0x5EED, payload, marker: i == 0));
        }

        return packets;
    }

    private static string Scenario(string pcap, int payloadType, string encoding) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="streaming uac with pcap audio">
          <send retrans="500">
            <![CDATA[
              INVITE sip:recognizer@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: "Customer [call_number]" <sip:customer[call_number]@[local_ip]:[local_port]>;tag=[pid]SIPpTag[call_number]
              To: <sip:recognizer@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 INVITE
              Contact: <sip:sipp@[local_ip]:[local_port]>
              Max-Forwards: 70
              X-Agent-Id: agent-[call_number]
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=sipp 1 1 IN IP[local_ip_type] [local_ip]
              s=-
              c=IN IP[media_ip_type] [media_ip]
              t=0 0
              m=audio [media_port] RTP/AVP {{payloadType}}
              a=rtpmap:{{payloadType}} {{encoding}}/8000
              a=sendrecv
            ]]>
          </send>
          <recv response="100" optional="true"/>
          <recv response="200" rtd="true"/>
          <send>
            <![CDATA[
              ACK sip:recognizer@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: "Customer [call_number]" <sip:customer[call_number]@[local_ip]:[local_port]>;tag=[pid]SIPpTag[call_number]
              To: <sip:recognizer@[remote_ip]:[remote_port]>[peer_tag_param]
              Call-ID: [call_id]
              CSeq: 1 ACK
              Max-Forwards: 70
              Content-Length: 0
            ]]>
          </send>
          <nop>
            <action>
              <exec play_pcap_audio="{{pcap}}"/>
            </action>
          </nop>
          <pause milliseconds="6000"/>
          <send retrans="500">
            <![CDATA[
              BYE sip:recognizer@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: "Customer [call_number]" <sip:customer[call_number]@[local_ip]:[local_port]>;tag=[pid]SIPpTag[call_number]
              To: <sip:recognizer@[remote_ip]:[remote_port]>[peer_tag_param]
              Call-ID: [call_id]
              CSeq: 2 BYE
              Max-Forwards: 70
              Content-Length: 0
            ]]>
          </send>
          <recv response="200" crlf="true"/>
        </scenario>
        """;

    private static async Task<(int Exit, string Output)> RunSippAsync(string arguments)
    {
        var start = new ProcessStartInfo("sipp", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"sipp is not installed ({ex.Message}): run scripts/setup-tests.sh, which installs Debian's sip-tester.");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(Wait);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                throw;
            }

            var output = await stdout + await stderr;
            return (process.ExitCode, output.Length > 4000 ? output[^4000..] : output);
        }
    }

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private static string ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : string.Empty;

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
