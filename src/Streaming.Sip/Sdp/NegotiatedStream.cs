using System.Net;
using Streaming.Sip.Rtp;

namespace Streaming.Sip.Sdp;

/// <summary>An accepted audio stream of an offer: what to expect on one of our RTP ports.</summary>
/// <param name="MediaIndex">Position of the m= line in the offer (answers keep the same order).</param>
/// <param name="Codec">Chosen codec.</param>
/// <param name="PayloadType">Payload type the peer will send it with.</param>
/// <param name="Channels">1, or 2 for stereo Opus (the two call-centre directions in one stream).</param>
/// <param name="Remote">The peer's RTP address from the offer, when it gave a usable one.</param>
/// <param name="PeerDirection">The direction the peer declared; only send or sendrecv peers are expected to send media.</param>
/// <param name="Label">a=label of the m= line, matched against call-centre roles.</param>
internal sealed record NegotiatedStream(int MediaIndex, RtpCodec Codec, int PayloadType, int Channels, IPEndPoint? Remote, SdpDirection PeerDirection, string? Label)
{
    /// <summary>Whether the peer said it will send media on this stream.</summary>
    public bool PeerSends => PeerDirection is SdpDirection.SendRecv or SdpDirection.SendOnly;
}
