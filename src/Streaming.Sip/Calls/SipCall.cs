using Streaming.Pipeline;
using Streaming.Sip.Message;
using Streaming.Sip.Rtp;
using Streaming.Sip.Sdp;
using Streaming.Sip.Transactions;
using Streaming.Sip.Transport;

namespace Streaming.Sip.Calls;

/// <summary>
/// One dialog (RFC 3261 §12) and its media: the RTP receivers of its accepted streams and the channels (roles)
/// they feed. Ends once, for whichever reason comes first: BYE, CANCEL, silence, session timer, overload.
/// </summary>
internal sealed class SipCall(SipRequest invite, SipFlow flow, string localTag)
{
    // Not disposed: watchers and a session still opening may read its token after the call ended.
    private readonly CancellationTokenSource _ended = new();
    private int _state;

    public string CallId { get; } = invite.CallId;

    public string LocalTag { get; } = localTag;

    public SipRequest Invite { get; } = invite;

    public SipFlow Flow { get; } = flow;

    /// <summary>Where in-dialog requests go: the peer's Contact, else its From URI.</summary>
    public string RemoteTarget { get; } = HeaderValue.Uri(invite[SipHeaderNames.Contact] ?? invite[SipHeaderNames.From]!);

    /// <summary>Our To header (with our tag), which is the From of requests we send.</summary>
    public string LocalParty => $"{Invite[SipHeaderNames.To]};tag={LocalTag}";

    public long SdpSessionId { get; } = Random.Shared.NextInt64(1, int.MaxValue);

    public long SdpVersion { get; set; } = 1;

    public string? LastAnswer { get; set; }

    /// <summary>Highest CSeq received in the dialog; older requests are out of order (500 per §12.2.2).</summary>
    public long RemoteCSeq { get; set; } = invite.CSeq.Number;

    public long LocalCSeq { get; set; } = Random.Shared.Next(1, 10_000);

    public InviteServerTransaction? PendingInvite { get; set; }

    public List<RtpStreamReceiver> Receivers { get; } = [];

    /// <summary>Channels by receiver index and channel index within its (possibly stereo) stream.</summary>
    public Dictionary<(int Stream, int Channel), CallChannel> Channels { get; } = [];

    /// <summary>Session interval (RFC 4028), or null when no session timer runs.</summary>
    public int? SessionExpires { get; set; }

    public long LastRefreshTicks { get; set; } = Environment.TickCount64;

    /// <summary>Cancelled when the call ends; opening sessions and watchers observe it.</summary>
    public CancellationToken EndedToken => _ended.Token;

    public bool IsEstablished => Volatile.Read(ref _state) == 1;

    public bool IsEnded => Volatile.Read(ref _state) == 2;

    /// <summary>Marks the dialog confirmed by our 2xx; false when it ended meanwhile.</summary>
    public bool TryEstablish() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

    /// <summary>Marks the call ended; only the first caller gets true and does the tear-down.</summary>
    public bool TryEnd()
    {
        if (Interlocked.Exchange(ref _state, 2) == 2)
        {
            return false;
        }

        _ended.Cancel();
        return true;
    }

    /// <summary>Routes decoded audio of receiver <paramref name="stream"/> to its channel sessions.</summary>
    public AudioWriteResult Deliver(int stream, float[] interleaved, int channels)
    {
        for (var c = 0; c < channels; c++)
        {
            if (Channels.TryGetValue((stream, c), out var channel))
            {
                var result = channel.Write(interleaved, channels, c);
                if (result != AudioWriteResult.Accepted)
                {
                    return result;
                }
            }
        }

        return AudioWriteResult.Accepted;
    }

    /// <summary>Stops media, flushes and closes the sessions.</summary>
    public async Task ReleaseAsync()
    {
        foreach (var receiver in Receivers)
        {
            await receiver.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var channel in Channels.Values)
        {
            channel.Session.Complete();
            await channel.Session.DisposeAsync().ConfigureAwait(false);
        }
    }
}
