using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Streaming.Audio;
using Streaming.Sip.Rtp;

namespace Streaming.Sip.Tests;

/// <summary>Drives SIPp, a real third-party SIP peer: G.711 pcap audio, the UAC scenario and the process.</summary>
public static class Sipp
{
    /// <summary>G.711 RTP packets (20 ms each, continuous sequence and timestamps) of 16 kHz <paramref name="speech"/>.</summary>
    public static List<byte[]> RtpPackets(float[] speech, int payloadType)
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

    /// <summary>A UAC scenario: INVITE with one G.711 stream, ACK, the pcap's audio, BYE after <paramref name="talk"/>.</summary>
    public static string Scenario(string pcap, int payloadType, string encoding, TimeSpan talk) => $$"""
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
          <pause milliseconds="{{(int)talk.TotalMilliseconds}}"/>
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

    /// <summary>Runs sipp with <paramref name="arguments"/>; returns its exit code and the tail of its output.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string arguments, TimeSpan wait)
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
            using var cts = new CancellationTokenSource(wait);
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

    public static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    public static string ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : string.Empty;
}
