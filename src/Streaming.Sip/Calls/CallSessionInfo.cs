using System.Net;
using Streaming.Sip.Rtp;

namespace Streaming.Sip.Calls;

/// <summary>What subscribers know a call's session by.</summary>
/// <param name="SessionId">The session's id, unique per channel of a call.</param>
/// <param name="CallId">SIP Call-ID of the dialog.</param>
/// <param name="From">From header of the INVITE (the caller).</param>
/// <param name="To">To header of the INVITE (the number dialled).</param>
/// <param name="Correlation">Value of the configured correlation header (e.g. X-Agent-Id), if present.</param>
/// <param name="Role">Call-centre role of this channel (e.g. customer or agent).</param>
/// <param name="Codec">Codec negotiated for the channel's stream.</param>
/// <param name="Peer">Signalling address of the trunk.</param>
public sealed record CallSessionInfo(string SessionId, string CallId, string From, string To, string? Correlation, string Role, RtpCodec Codec, IPEndPoint Peer);
