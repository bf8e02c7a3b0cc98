using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Streaming.Pipeline;
using Streaming.Sip.Auth;
using Streaming.Sip.Calls;
using Streaming.Sip.Message;
using Streaming.Sip.Rtp;
using Streaming.Sip.Sdp;
using Streaming.Sip.Transactions;
using Streaming.Sip.Transport;

namespace Streaming.Sip;

/// <summary>
/// The user agent server core: matches requests to transactions and dialogs, applies admission policy
/// (allow-list, digest, capacity), negotiates SDP, opens one session per call channel and ends calls on BYE,
/// CANCEL, media silence, session-timer expiry or overload.
/// </summary>
internal sealed class SipUserAgent : ISipMessageSink
{
    private const string AllowedMethods = "INVITE, ACK, BYE, CANCEL, OPTIONS, UPDATE";
    private const string SupportedExtensions = "timer";

    // Methods we recognise but do not serve get 405; anything else 501 (RFC 3261 §8.2.1).
    private static readonly HashSet<string> KnownMethods =
        ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "UPDATE", "REGISTER", "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "PUBLISH", "PRACK", "INFO"];

    private readonly SipIngressOptions _options;
    private readonly SipTimers _timers;
    private readonly SipMetrics _metrics;
    private readonly ICallSessionFactory _factory;
    private readonly DigestAuthenticator _digest;
    private readonly IReadOnlyList<IPNetwork> _allowed;
    private readonly RtpPortAllocator _ports;
    private readonly ConcurrentDictionary<string, ServerTransaction> _transactions = new();
    private readonly ConcurrentDictionary<string, NonInviteClientTransaction> _clients = new();
    private readonly ConcurrentDictionary<string, SipCall> _calls = new();
    private long _sessionCounter;

    public SipUserAgent(SipIngressOptions options, ICallSessionFactory factory, SipMetrics metrics)
    {
        _options = options;
        _factory = factory;
        _metrics = metrics;
        _timers = SipTimers.From(options);
        _digest = new DigestAuthenticator(options.Realm, options.Users);
        _allowed = options.AllowedNetworks();
        _ports = new RtpPortAllocator(IPAddress.Parse(options.ListenAddress), options.RtpPortMin, options.RtpPortMax);
    }

    /// <summary>Raised when a call channel's session is open and its audio starts flowing.</summary>
    public event Action<CallSessionInfo, ICallSession>? SessionStarted;

    /// <summary>Raised after a call channel's session was completed and released, with why the call ended.</summary>
    public event Action<CallSessionInfo, string>? SessionEnded;

    /// <summary>Our UDP SIP port, for Via and Contact of UDP flows.</summary>
    public int UdpPort { get; set; }

    /// <summary>Our TCP SIP port, for Via and Contact of TCP flows.</summary>
    public int TcpPort { get; set; }

    /// <summary>Sessions of established calls (a call's channels are fixed once it is established).</summary>
    public IEnumerable<CallSessionInfo> Sessions => _calls.Values.Where(c => c.IsEstablished).SelectMany(c => c.Channels.Values.Select(ch => ch.Info));

    public async Task ReceiveAsync(byte[] data, SipFlow flow, CancellationToken cancellationToken)
    {
        SipMessage message;
        try
        {
            message = SipParser.Parse(data, _options.MaxMessageBytes);
        }
        catch (SipParseException ex)
        {
            _metrics.Malformed(ex.StatusCode);
            await RejectAsync(ex, flow, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (message is SipResponse response)
        {
            if (_clients.TryGetValue(response.TopBranch, out var client))
            {
                client.OnResponse(response);
            }

            return;
        }

        await HandleRequestAsync((SipRequest)message, flow, cancellationToken).ConfigureAwait(false);
    }

    public async Task RejectAsync(SipParseException fault, SipFlow flow, CancellationToken cancellationToken)
    {
        // Without a Via there is nowhere the peer could match an answer to; an ACK is never answered.
        if (fault.PartialRequest is { } request && request.Method != "ACK" && request[SipHeaderNames.Via] is not null)
        {
            var response = SipResponse.For(request, fault.StatusCode, fault.Message);
            await flow.SendAsync(response.ToBytes(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Ends every call with a BYE (shutdown).</summary>
    public async Task EndAllAsync()
    {
        await Task.WhenAll(_calls.Values.Select(call =>
            EndCallAsync(call, "ingress stopping", "SIP;cause=503;text=\"Service shutting down\""))).ConfigureAwait(false);
    }

    private async Task HandleRequestAsync(SipRequest request, SipFlow flow, CancellationToken cancellationToken)
    {
        if (request.Method == "ACK")
        {
            Acknowledge(request);
            return;
        }

        if (_transactions.TryGetValue(ServerTransaction.KeyOf(request), out var existing))
        {
            await existing.RetransmissionAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var tx = request.Method == "INVITE"
            ? new InviteServerTransaction(request, flow, _timers, Remove)
            : new ServerTransaction(request, flow, _timers, Remove);
        if (!_transactions.TryAdd(tx.Key, tx))
        {
            return;
        }

        var refusal = Screen(request);
        if (refusal is not null)
        {
            await tx.RespondAsync(refusal, cancellationToken).ConfigureAwait(false);
            return;
        }

        var hasToTag = HeaderValue.Parameter(request[SipHeaderNames.To]!, "tag") is not null;
        switch (request.Method)
        {
            case "OPTIONS":
                await tx.RespondAsync(WithCapabilities(SipResponse.For(request, 200, "OK", NewTag())), cancellationToken).ConfigureAwait(false);
                break;
            case "INVITE" when !hasToTag:
                // Opening sessions may take a while; the receive loop must stay free for the CANCEL.
                _ = Task.Run(() => Guard(() => NewCallAsync((InviteServerTransaction)tx, cancellationToken)), cancellationToken);
                break;
            case "CANCEL":
                await CancelAsync(tx, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await InDialogAsync(tx, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Refusals that do not depend on dialog state: method, hops, extensions.</summary>
    private SipResponse? Screen(SipRequest request)
    {
        if (!KnownMethods.Contains(request.Method))
        {
            _metrics.Refused("unknown_method");
            return SipResponse.For(request, 501, $"Method {request.Method} Not Implemented").Add(SipHeaderNames.Allow, AllowedMethods);
        }

        if (!AllowedMethods.Contains(request.Method, StringComparison.Ordinal))
        {
            _metrics.Refused("method_not_allowed");
            return SipResponse.For(request, 405, "Method Not Allowed").Add(SipHeaderNames.Allow, AllowedMethods);
        }

        if (request[SipHeaderNames.MaxForwards] == "0" && request.Method != "OPTIONS")
        {
            return SipResponse.For(request, 483, "Too Many Hops");
        }

        var unsupported = request.Values(SipHeaderNames.Require).Where(tag => tag != SupportedExtensions).ToList();
        return unsupported.Count > 0 && request.Method != "CANCEL"
            ? SipResponse.For(request, 420, "Bad Extension").Add("Unsupported", string.Join(", ", unsupported))
            : null;
    }

    private void Acknowledge(SipRequest ack)
    {
        if (_transactions.TryGetValue(ServerTransaction.KeyOf(ack), out var tx) && tx is InviteServerTransaction invite)
        {
            invite.Acknowledge();
        }
        else if (_calls.TryGetValue(ack.CallId, out var call) && call.PendingInvite is { } pending && pending.Request.CSeq.Number == ack.CSeq.Number)
        {
            pending.Acknowledge();
        }
    }

    private async Task NewCallAsync(InviteServerTransaction tx, CancellationToken cancellationToken)
    {
        var request = tx.Request;
        await tx.RespondAsync(SipResponse.For(request, 100, "Trying"), cancellationToken).ConfigureAwait(false);
        var localTag = NewTag();
        var (refusal, offer, streams) = Admit(request, localTag);
        if (refusal is not null)
        {
            await tx.RespondAsync(refusal, cancellationToken).ConfigureAwait(false);
            return;
        }

        var call = new SipCall(request, tx.Flow, localTag) { PendingInvite = tx, SessionExpires = SessionInterval(request) };
        if (!_calls.TryAdd(call.CallId, call))
        {
            await tx.RespondAsync(SipResponse.For(request, 482, "Loop Detected", localTag), cancellationToken).ConfigureAwait(false);
            return;
        }

        tx.AckTimedOut += timedOut => _ = EndCallAsync(call, "no ACK for 200 OK", "SIP;cause=408;text=\"ACK timeout\"");
        try
        {
            var ports = BindMedia(call, streams!);
            await OpenSessionsAsync(call, streams!).ConfigureAwait(false);
            call.LastAnswer = SdpAnswerer.Write(offer!, streams!, ports, _options.MediaAddress, call.SdpSessionId, call.SdpVersion);
        }
        catch (Exception) when (call.IsEnded)
        {
            // CANCELled while opening: the INVITE was already answered 487 and the call torn down.
            return;
        }
        catch (Exception ex)
        {
            _metrics.Refused("session_unavailable");
            await tx.RespondAsync(SipResponse.For(request, 503, $"Recognition Unavailable ({ex.GetType().Name})", localTag).Set(SipHeaderNames.RetryAfter, "30"), cancellationToken).ConfigureAwait(false);
            await EndCallAsync(call, "session could not be opened", byeReason: null).ConfigureAwait(false);
            return;
        }

        if (!call.TryEstablish())
        {
            return;
        }

        _metrics.CallStarted();
        foreach (var receiver in call.Receivers)
        {
            receiver.Start();
        }

        await tx.RespondAsync(Answer(call, request), cancellationToken).ConfigureAwait(false);
        foreach (var channel in call.Channels.Values)
        {
            SessionStarted?.Invoke(channel.Info, channel.Session);
        }

        _ = WatchAsync(call);
    }

    /// <summary>Admission: peer policy, capacity, session timer, offer. Returns a refusal or the negotiated offer.</summary>
    private (SipResponse? Refusal, SdpSession? Offer, List<NegotiatedStream?>? Streams) Admit(SipRequest request, string localTag)
    {
        SipResponse Refuse(int status, string reason, string metric)
        {
            _metrics.Refused(metric);
            return SipResponse.For(request, status, reason, localTag);
        }

        var peerAllowed = _allowed.Any(n => n.Contains(PeerAddress(request)));
        if (!peerAllowed)
        {
            if (!_digest.HasUsers)
            {
                return (Refuse(403, "Forbidden (peer not in allow-list)", "forbidden"), null, null);
            }

            if (!_digest.Verify(request))
            {
                return (Refuse(401, "Unauthorized", "unauthorized").Add(SipHeaderNames.WwwAuthenticate, _digest.Challenge()), null, null);
            }
        }

        if (_calls.Count >= _options.MaxCalls)
        {
            return (Refuse(503, "Call Capacity Reached", "capacity").Add(SipHeaderNames.RetryAfter, "30"), null, null);
        }

        if (request[SipHeaderNames.SessionExpires] is { } se &&
            (!int.TryParse(se.Split(';')[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var interval) || interval < _options.MinSessionExpiresSeconds))
        {
            return (Refuse(422, "Session Interval Too Small", "session_interval").Add(SipHeaderNames.MinSe, _options.MinSessionExpiresSeconds.ToString(CultureInfo.InvariantCulture)), null, null);
        }

        return ReadOffer(request, localTag);
    }

    private (SipResponse? Refusal, SdpSession? Offer, List<NegotiatedStream?>? Streams) ReadOffer(SipRequest request, string localTag)
    {
        if (request.Body.Length == 0)
        {
            _metrics.Refused("no_offer");
            return (SipResponse.For(request, 488, "Not Acceptable Here (SDP offer required)", localTag), null, null);
        }

        if (!(request[SipHeaderNames.ContentType] ?? string.Empty).StartsWith("application/sdp", StringComparison.OrdinalIgnoreCase))
        {
            _metrics.Refused("content_type");
            return (SipResponse.For(request, 415, "Unsupported Media Type", localTag).Add(SipHeaderNames.Accept, "application/sdp"), null, null);
        }

        SdpSession offer;
        try
        {
            offer = SdpSession.Parse(Encoding.UTF8.GetString(request.Body));
        }
        catch (FormatException ex)
        {
            _metrics.Malformed(400);
            return (SipResponse.For(request, 400, $"Malformed SDP: {ex.Message}", localTag), null, null);
        }

        var streams = SdpAnswerer.Negotiate(offer);
        if (streams.All(s => s is null))
        {
            _metrics.Refused("no_common_codec");
            return (SipResponse.For(request, 488, "Not Acceptable Here", localTag).Add("Warning", "305 streaming \"No common audio codec (PCMU, PCMA, G722, opus)\""), null, null);
        }

        return (null, offer, streams);
    }

    // The signalling peer's address as seen on the wire is what the allow-list is about (not what Via claims).
    private IPAddress PeerAddress(SipRequest request) =>
        _transactions.TryGetValue(ServerTransaction.KeyOf(request), out var tx) ? tx.Flow.Remote.Address : IPAddress.None;

    private int? SessionInterval(SipRequest request)
    {
        var supportsTimer = request.Values(SipHeaderNames.Supported).Contains("timer");
        if (!supportsTimer)
        {
            // The peer cannot refresh; the no-RTP watchdog still ends dead calls.
            return null;
        }

        var se = request[SipHeaderNames.SessionExpires];
        return se is null ? _options.SessionExpiresSeconds : int.Parse(se.Split(';')[0].Trim(), CultureInfo.InvariantCulture);
    }

    private Dictionary<int, int> BindMedia(SipCall call, List<NegotiatedStream?> streams)
    {
        var ports = new Dictionary<int, int>();
        foreach (var stream in streams.OfType<NegotiatedStream>())
        {
            var index = call.Receivers.Count;
            var receiver = new RtpStreamReceiver(
                _ports.Bind(), stream, call.Flow.Remote.Address, _metrics, _options.JitterBufferPackets, _options.MaxRtpPayloadBytes,
                (samples, channels) => OnAudio(call, index, samples, channels));
            call.Receivers.Add(receiver);
            ports[stream.MediaIndex] = receiver.LocalPort;
        }

        return ports;
    }

    private async Task OpenSessionsAsync(SipCall call, List<NegotiatedStream?> streams)
    {
        var roles = new Queue<string>(_options.ChannelRoles);
        var accepted = streams.OfType<NegotiatedStream>().ToList();
        var labelled = accepted.Select(s => s.Label).Where(l => l is not null && _options.ChannelRoles.Contains(l)).ToHashSet();
        var correlation = call.Invite[_options.CorrelationHeader];
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
                    call.Invite[SipHeaderNames.From]!,
                    call.Invite[SipHeaderNames.To]!,
                    correlation,
                    role,
                    accepted[s].Codec,
                    call.Flow.Remote);
                var session = await _factory.OpenAsync(info, call.EndedToken).ConfigureAwait(false);
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

    private void OnAudio(SipCall call, int stream, float[] samples, int channels)
    {
        if (call.IsEnded || !call.IsEstablished)
        {
            return;
        }

        var result = call.Deliver(stream, samples, channels);
        if (result != AudioWriteResult.Accepted)
        {
            // Refuse overload explicitly (DESIGN: back-pressure): the trunk learns why the call ended.
            _metrics.Refused(result == AudioWriteResult.Overloaded ? "session_overloaded" : "session_closed");
            _ = Task.Run(() => EndCallAsync(call, "recognition overloaded", $"SIP;cause=503;text=\"Recognition {(result == AudioWriteResult.Overloaded ? "overloaded" : "session closed")}\""));
        }
    }

    private SipResponse Answer(SipCall call, SipRequest request)
    {
        var response = WithCapabilities(SipResponse.For(request, 200, "OK", call.LocalTag));
        response.Add(SipHeaderNames.Contact, Contact(call.Flow));
        foreach (var route in request.Headers.Where(h => h.Name == "Record-Route"))
        {
            response.Add(route.Name, route.Value);
        }

        WithSessionTimer(call, response).Add(SipHeaderNames.ContentType, "application/sdp");
        response.Body = Encoding.UTF8.GetBytes(call.LastAnswer!);
        return response;
    }

    // RFC 4028 §9: a 2xx to a session refresh names the interval and who refreshes (the caller: we never do).
    private static SipResponse WithSessionTimer(SipCall call, SipResponse response) =>
        call.SessionExpires is { } interval
            ? response.Add(SipHeaderNames.SessionExpires, $"{interval};refresher=uac").Add(SipHeaderNames.Require, "timer")
            : response;

    private async Task CancelAsync(ServerTransaction tx, CancellationToken cancellationToken)
    {
        var cancel = tx.Request;
        var inviteKey = ServerTransaction.KeyOf(cancel).Replace("|CANCEL", "|INVITE", StringComparison.Ordinal);
        if (!_transactions.TryGetValue(inviteKey, out var invite))
        {
            await tx.RespondAsync(SipResponse.For(cancel, 481, "Call/Transaction Does Not Exist"), cancellationToken).ConfigureAwait(false);
            return;
        }

        await tx.RespondAsync(SipResponse.For(cancel, 200, "OK"), cancellationToken).ConfigureAwait(false);
        if (invite.IsCompleted || !_calls.TryGetValue(cancel.CallId, out var call) || call.IsEstablished)
        {
            return;
        }

        await EndCallAsync(call, "cancelled", byeReason: null).ConfigureAwait(false);
        await invite.RespondAsync(SipResponse.For(invite.Request, 487, "Request Terminated", call.LocalTag), cancellationToken).ConfigureAwait(false);
    }

    private async Task InDialogAsync(ServerTransaction tx, CancellationToken cancellationToken)
    {
        var request = tx.Request;
        if (!_calls.TryGetValue(request.CallId, out var call) || HeaderValue.Parameter(request[SipHeaderNames.To]!, "tag") != call.LocalTag)
        {
            await tx.RespondAsync(SipResponse.For(request, 481, "Call/Transaction Does Not Exist"), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (request.CSeq.Number < call.RemoteCSeq)
        {
            await tx.RespondAsync(SipResponse.For(request, 500, "Server Internal Error (CSeq out of order)"), cancellationToken).ConfigureAwait(false);
            return;
        }

        call.RemoteCSeq = request.CSeq.Number;
        if (request.Method == "BYE")
        {
            await tx.RespondAsync(SipResponse.For(request, 200, "OK"), cancellationToken).ConfigureAwait(false);
            await EndCallAsync(call, "remote hangup", byeReason: null).ConfigureAwait(false);
            return;
        }

        // re-INVITE and UPDATE: refresh the session timer and apply a new offer if there is one.
        call.LastRefreshTicks = Environment.TickCount64;
        if (request.Body.Length > 0)
        {
            var (refusal, offer, streams) = ReadOffer(request, call.LocalTag);
            if (refusal is not null)
            {
                await tx.RespondAsync(refusal, cancellationToken).ConfigureAwait(false);
                return;
            }

            Renegotiate(call, offer!, streams!);
        }

        if (tx is InviteServerTransaction invite)
        {
            call.PendingInvite = invite;
        }

        var response = request.Body.Length > 0 || request.Method == "INVITE"
            ? Answer(call, request)
            : WithSessionTimer(call, WithCapabilities(SipResponse.For(request, 200, "OK")).Add(SipHeaderNames.Contact, Contact(call.Flow)));
        await tx.RespondAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private void Renegotiate(SipCall call, SdpSession offer, List<NegotiatedStream?> streams)
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
        call.LastAnswer = SdpAnswerer.Write(offer, streams, ports, _options.MediaAddress, call.SdpSessionId, call.SdpVersion);
    }

    /// <summary>Ends a call once: optional BYE with a Reason, then media stops and sessions flush.</summary>
    private async Task EndCallAsync(SipCall call, string why, string? byeReason)
    {
        var wasEstablished = call.IsEstablished;
        if (!call.TryEnd())
        {
            return;
        }

        _calls.TryRemove(new KeyValuePair<string, SipCall>(call.CallId, call));
        // The BYE may wait up to timer F for its answer; media and sessions are released meanwhile.
        var bye = wasEstablished && byeReason is not null ? SendByeAsync(call, byeReason) : Task.CompletedTask;
        if (wasEstablished)
        {
            _metrics.CallEnded();
        }

        await call.ReleaseAsync().ConfigureAwait(false);
        foreach (var channel in call.Channels.Values)
        {
            SessionEnded?.Invoke(channel.Info, why);
        }

        await bye.ConfigureAwait(false);
    }

    private async Task SendByeAsync(SipCall call, string reason)
    {
        var bye = new SipRequest("BYE", call.RemoteTarget);
        var branch = "z9hG4bK" + NewTag();
        bye.Add(SipHeaderNames.Via, $"SIP/2.0/{call.Flow.Protocol} {_options.MediaAddress}:{PortFor(call.Flow)};branch={branch};rport")
            .Add(SipHeaderNames.MaxForwards, "70");
        foreach (var route in call.Invite.Headers.Where(h => h.Name == "Record-Route"))
        {
            bye.Add("Route", route.Value);
        }

        bye.Add(SipHeaderNames.From, call.LocalParty)
            .Add(SipHeaderNames.To, call.Invite[SipHeaderNames.From]!)
            .Add(SipHeaderNames.CallId, call.CallId)
            .Add(SipHeaderNames.CSeq, $"{++call.LocalCSeq} BYE")
            .Add(SipHeaderNames.Reason, reason);
        var client = new NonInviteClientTransaction(bye, call.Flow, _timers);
        _clients[branch] = client;
        try
        {
            await client.RunAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // The peer's connection is gone; the call ends locally all the same.
        }
        finally
        {
            _clients.TryRemove(branch, out _);
        }
    }

    /// <summary>Ends calls whose media went silent or whose session timer expired.</summary>
    private async Task WatchAsync(SipCall call)
    {
        var noRtp = _options.NoRtpTimeoutSeconds * 1000L;
        var tick = TimeSpan.FromMilliseconds(Math.Min(1000, noRtp / 4));
        try
        {
            while (!call.IsEnded)
            {
                await Task.Delay(tick, call.EndedToken).ConfigureAwait(false);
                var now = Environment.TickCount64;
                var expecting = call.Receivers.Where(r => r.ExpectsMedia).ToList();
                if (expecting.Count > 0 && expecting.All(r => now - r.LastPacketTicks > noRtp))
                {
                    await EndCallAsync(call, "no RTP", $"SIP;cause=408;text=\"No RTP received for {_options.NoRtpTimeoutSeconds} s\"").ConfigureAwait(false);
                }
                else if (call.SessionExpires is { } se && now - call.LastRefreshTicks > se * 1000L)
                {
                    await EndCallAsync(call, "session timer expired", "SIP;cause=408;text=\"Session timer expired\"").ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The call ended.
        }
    }

    private async Task Guard(Func<Task> work)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _metrics.InternalError(ex.GetType().Name);
        }
    }

    private SipResponse WithCapabilities(SipResponse response)
    {
        response.Add(SipHeaderNames.Allow, AllowedMethods)
            .Add(SipHeaderNames.Accept, "application/sdp")
            .Add(SipHeaderNames.Supported, SupportedExtensions)
            .Add(SipHeaderNames.Server, "Streaming");
        return response;
    }

    private string Contact(SipFlow flow) =>
        $"<sip:streaming@{_options.MediaAddress}:{PortFor(flow)};transport={flow.Protocol.ToLowerInvariant()}>";

    private int PortFor(SipFlow flow) => flow.IsReliable ? TcpPort : UdpPort;

    private void Remove(ServerTransaction tx) => _transactions.TryRemove(new KeyValuePair<string, ServerTransaction>(tx.Key, tx));

    private static string NewTag() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
}
