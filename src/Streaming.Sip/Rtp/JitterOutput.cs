namespace Streaming.Sip.Rtp;

/// <summary>A packet ready to decode, preceded by <paramref name="LostBefore"/> packets that never arrived.</summary>
internal readonly record struct JitterOutput(RtpPacket Packet, int LostBefore);
