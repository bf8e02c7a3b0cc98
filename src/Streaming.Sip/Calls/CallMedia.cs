using System.Net;
using Streaming.Sip.Rtp;
using Streaming.Sip.Sdp;

namespace Streaming.Sip.Calls;

/// <summary>
/// A call's media plumbing: one RTP receiver per accepted stream, one session per channel with its role, and
/// re-negotiation that keeps streams and ports for the dialog's life.
/// </summary>
internal sealed class CallMedia(SipIngressOptions options, ICallSessionFactory factory, SipMetrics metrics)
{
    private readonly RtpPortAllocator _ports = new(IPAddress.Parse(options.ListenAddress), options.RtpPortMin, options.RtpPortMax);
    private long _sessionCounter;

    /// <summary>Binds a receiver per accepted stream; returns the local port by m= line index.</summary>
    public Dictionary<int, int> Bind(SipCall call, List<NegotiatedStream?> streams, Action<int, float[], int> onAudio)
    {
        var ports = new Dictionary<int, int>();
        foreach (var stream in streams.OfType<NegotiatedStream>())
        {
            var index = call.Receivers.Count;
            var receiver = new RtpStreamReceiver(
                _ports.Bind(), stream, call.Flow.Remote.Address, metrics, options.JitterBufferPackets, options.MaxRtpPayloadBytes,
                (samples, channels) => onAudio(index, samples, channels));
            call.Receivers.Add(receiver);
            ports[stream.MediaIndex] = receiver.LocalPort;
        }

        return ports;
    }

    /// <summary>Opens one session per channel; throws <see cref="OperationCanceledException"/> when the call ended meanwhile.</summary>
    public async Task OpenSessionsAsync(SipCall call, List<NegotiatedStream?> streams)
    {
        var roles = new Queue<string>(options.ChannelRoles);
        var accepted = streams.OfType<NegotiatedStream>().ToList();
        var labelled = accepted.Select(s => s.Label).Where(l => l is not null && options.ChannelRoles.Contains(l)).ToHashSet();
        var correlation = call.Invite[options.CorrelationHeader];
        for (var s = 0; s < accepted.Count; s++)
        {
            for (var c = 0; c < accepted[s].Channels; c++)
            {
                var role = accepted[s].Channels == 1 && labelled.Contains(accepted[s].Label)
                    ? accepted[s].Label!
                    : NextRole(roles, labelled, call.Channels.Count);
                var info = new CallSessionInfo(
                    $"sip-{Interlocked.Increment(ref _sessionCounter)}-{call.LocalTag}",
                    call.CallId,
                    call.Invite[Message.SipHeaderNames.From]!,
                    call.Invite[Message.SipHeaderNames.To]!,
                    correlation,
                    role,
                    accepted[s].Codec,
                    call.Flow.Remote);
                var session = await factory.OpenAsync(info, call.EndedToken).ConfigureAwait(false);
                if (call.IsEnded)
                {
                    // CANCELled while the host was opening it: the call's tear-down has already run.
                    await session.DisposeAsync().ConfigureAwait(false);
                    throw new OperationCanceledException("The call was cancelled while its session opened.");
                }

                call.Channels[(s, c)] = new CallChannel(info, session);
            }
        }
    }

    /// <summary>Applies a new offer to an established call and writes the next SDP answer.</summary>
    public void Renegotiate(SipCall call, SdpSession offer, List<NegotiatedStream?> streams)
    {
        // The dialog keeps its streams and ports; a stream the new offer adds is refused (port 0) since its
        // session would have no role, and one it drops stays open but silent.
        var ports = new Dictionary<int, int>();
        var accepted = streams.OfType<NegotiatedStream>().ToList();
        for (var i = 0; i < accepted.Count; i++)
        {
            if (i < call.Receivers.Count)
            {
                call.Receivers[i].Reconfigure(accepted[i]);
                ports[accepted[i].MediaIndex] = call.Receivers[i].LocalPort;
            }
            else
            {
                streams[accepted[i].MediaIndex] = null;
            }
        }

        call.SdpVersion++;
        call.LastAnswer = SdpAnswerer.Write(offer, streams, ports, options.MediaAddress, call.SdpSessionId, call.SdpVersion);
    }

    private static string NextRole(Queue<string> roles, HashSet<string?> taken, int index)
    {
        while (roles.TryDequeue(out var role))
        {
            if (!taken.Contains(role))
            {
                return role;
            }
        }

        return $"channel{index}";
    }
}
