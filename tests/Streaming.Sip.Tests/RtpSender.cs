using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Streaming.Audio;
using Streaming.Sip.Rtp;

namespace Streaming.Sip.Tests;

/// <summary>Sends real RTP to the ingress, paced at real time, from its own socket.</summary>
public sealed class RtpSender(int remotePort, int payloadType, uint ssrc, string localAddress = "127.0.0.1") : IDisposable
{
    private readonly Socket _socket = CreateSocket(IPAddress.Parse(localAddress));
    private readonly IPEndPoint _remote = new(IPAddress.Loopback, remotePort);
    private ushort _sequence = (ushort)Random.Shared.Next(0, 65536);
    private uint _timestamp = (uint)Random.Shared.Next();

    public int LocalPort => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public int PayloadType { get; set; } = payloadType;

    public Task SendRawAsync(byte[] datagram) => _socket.SendToAsync(datagram, SocketFlags.None, _remote);

    public async Task SendAsync(byte[] payload, uint clockTicks)
    {
        await SendRawAsync(RtpPacket.Build(PayloadType, _sequence++, _timestamp, ssrc, payload));
        _timestamp += clockTicks;
    }

    /// <summary>
    /// Encodes 16 kHz speech (interleaved when <paramref name="channels"/> is 2) as Opus (20 ms frames, 48 kHz
    /// RTP clock) and sends it in real time.
    /// </summary>
    public async Task SendOpusAsync(float[] speech, int channels = 1)
    {
        using var encoder = new OpusEncoder(16000, channels);
        var packet = new byte[OpusEncoder.MaxPacketLength];
        await PacedAsync(speech, 320 * channels, async frame =>
        {
            var length = encoder.Encode(frame, 320, packet);
            await SendAsync(packet[..length], 960);
        });
    }

    /// <summary>Sends 16 kHz speech as G.711 µ-law at 8 kHz (20 ms frames) in real time.</summary>
    public async Task SendMuLawAsync(float[] speech)
    {
        var narrow = Resampler.Resample(speech, 16000, 8000);
        await PacedAsync(narrow, 160, frame =>
        {
            var payload = new byte[frame.Length];
            for (var i = 0; i < frame.Length; i++)
            {
                payload[i] = G711.LinearToMuLaw((short)Math.Clamp(frame[i] * 32767f, short.MinValue, short.MaxValue));
            }

            return SendAsync(payload, (uint)frame.Length);
        });
    }

    private static async Task PacedAsync(float[] samples, int frame, Func<float[], Task> send)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i + frame <= samples.Length; i += frame)
        {
            await send(samples[i..(i + frame)]);
            var due = TimeSpan.FromMilliseconds(20.0 * ((i / frame) + 1));
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
        }
    }

    private static Socket CreateSocket(IPAddress local)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(local, 0));
        return socket;
    }

    public void Dispose() => _socket.Dispose();
}
