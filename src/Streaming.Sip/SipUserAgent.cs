using System.Collections.Concurrent;
using Streaming.Pipeline;
using Streaming.Sip.Calls;
using Streaming.Sip.Message;
using Streaming.Sip.Sdp;
using Streaming.Sip.Transactions;
using Streaming.Sip.Transport;

namespace Streaming.Sip;

/// <summary>
/// The user agent server core: matches requests to transactions and dialogs, screens them, admits calls, opens
/// one session per call channel and ends calls on BYE, CANCEL, media silence, session-timer expiry or overload.
/// </summary>
internal sealed class SipUserAgent : ISipMessageSink
{
    private readonly SipIngressOptions _options;
    private readonly SipTimers _timers;
    private readonly SipMetrics _metrics;
    private readonly RequestScreen _screen;
    private readonly CallAdmission _admission;
    private readonly CallMedia _media;
    private readonly ServerTransactionTable _transactions;
    private readonly ByeSender _bye;
    private readonly ConcurrentDictionary<string, SipCall> _calls = new();

    public SipUserAgent(SipIngressOptions options, ICallSessionFactory factory, SipMetrics metrics)
    {
        _options = options;
        _metrics = metrics;
        _timers = SipTimers.From(options);
        _screen = new RequestScreen(metrics);
        _admission = new CallAdmission(options, metrics);
        _media = new CallMedia(options, factory, metrics);
        _transactions = new ServerTransactionTable(_timers);
        Responses = new ResponseBuilder(options);
        _bye = new ByeSender(Responses, _timers);
    }

    /// <summary>Raised when a call channel's session is open and its audio starts flowing.</summary>
    public event Action<CallSessionInfo, ICallSession>? SessionStarted;

    /// <summary>Raised after a call channel's session was completed and released, with why the call ended.</summary>
    public event Action<CallSessionInfo, string>? SessionEnded;

    /// <summary>What we say about ourselves; the ingress sets its ports once the transports are bound.</summary>
    public ResponseBuilder Responses { get; }

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
            _bye.OnResponse(response);
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
            if (fault.StatusCode == 501)
            {
                response.Add(SipHeaderNames.Allow, SipMethods.Allowed);
            }

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

        if (_transactions.Find(request) is { } existing)
        {
            await existing.RetransmissionAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (_transactions.TryCreate(request, flow) is not { } tx)
        {
            return;
        }

        var refusal = _screen.Screen(request);
        if (refusal is not null)
        {
            await tx.RespondAsync(refusal, cancellationToken).ConfigureAwait(false);
            return;
        }

        var hasToTag = HeaderValue.Parameter(request[SipHeaderNames.To]!, "tag") is not null;
        switch (request.Method)
        {
            case "OPTIONS":
                await tx.RespondAsync(Responses.WithCapabilities(SipResponse.For(request, 200, "OK", Tags.New())), cancellationToken).ConfigureAwait(false);
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

    private void Acknowledge(SipRequest ack)
    {
        if (_transactions.Find(ack) is InviteServerTransaction invite && invite.IsAckedBy(ack))
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
        var localTag = Tags.New();
        var (refusal, offer, streams) = _admission.Admit(request, tx.Flow.Remote.Address, _calls.Count, localTag);
        if (refusal is not null)
        {
            await tx.RespondAsync(refusal, cancellationToken).ConfigureAwait(false);
            return;
        }

        var call = new SipCall(request, tx.Flow, localTag) { PendingInvite = tx, SessionExpires = _admission.SessionInterval(request) };
        if (!_calls.TryAdd(call.CallId, call))
        {
            await tx.RespondAsync(SipResponse.For(request, 482, "Loop Detected", localTag), cancellationToken).ConfigureAwait(false);
            return;
        }

        // An idle TCP connection stays open while a dialog needs it for its BYE.
        call.Flow.Hold();
        tx.AckTimedOut += timedOut => _ = EndCallAsync(call, "no ACK for 200 OK", "SIP;cause=408;text=\"ACK timeout\"");
        try
        {
            var ports = _media.Bind(call, streams!, (stream, samples, channels) => OnAudio(call, stream, samples, channels));
            await _media.OpenSessionsAsync(call, streams!).ConfigureAwait(false);
            call.LastAnswer = SdpAnswerer.Write(offer!, streams!, ports, _options.MediaAddress, call.SdpSessionId, call.SdpVersion);
        }
        catch (Exception) when (call.IsEnded)
        {
            // CANCELled while opening: the INVITE was already answered 487 and the call torn down.
            return;
        }
        catch (CallRefusedException ex)
        {
            _metrics.Refused("session_refused");
            var warning = "399 streaming \"" + ex.Message.Replace('"', '\'') + "\"";
            await tx.RespondAsync(SipResponse.For(request, ex.Status, ex.Reason, localTag).Add(SipHeaderNames.Warning, warning), cancellationToken).ConfigureAwait(false);
            await EndCallAsync(call, "session refused", byeReason: null).ConfigureAwait(false);
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

        await tx.RespondAsync(Responses.Answer(call, request), cancellationToken).ConfigureAwait(false);
        if (!tx.Flow.IsOpen)
        {
            // The peer's connection closed while the call was set up: nothing can acknowledge or end it.
            await EndCallAsync(call, "connection lost", byeReason: null).ConfigureAwait(false);
            return;
        }

        foreach (var channel in call.Channels.Values)
        {
            SessionStarted?.Invoke(channel.Info, channel.Session);
        }

        _ = WatchAsync(call);
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

    private async Task CancelAsync(ServerTransaction tx, CancellationToken cancellationToken)
    {
        var cancel = tx.Request;
        if (_transactions.FindInvite(cancel) is not { } invite)
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
            var (refusal, offer, streams) = _admission.ReadOffer(request, call.LocalTag);
            if (refusal is not null)
            {
                await tx.RespondAsync(refusal, cancellationToken).ConfigureAwait(false);
                return;
            }

            _media.Renegotiate(call, offer!, streams!);
        }

        if (tx is InviteServerTransaction invite)
        {
            call.PendingInvite = invite;
        }

        var response = request.Body.Length > 0 || request.Method == "INVITE" ? Responses.Answer(call, request) : Responses.Refreshed(call, request);
        await tx.RespondAsync(response, cancellationToken).ConfigureAwait(false);
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
        var bye = wasEstablished && byeReason is not null ? _bye.SendAsync(call, byeReason) : Task.CompletedTask;
        if (wasEstablished)
        {
            _metrics.CallEnded();
        }

        await call.ReleaseAsync().ConfigureAwait(false);
        call.Flow.Release();
        foreach (var channel in call.Channels.Values)
        {
            SessionEnded?.Invoke(channel.Info, why);
        }

        await bye.ConfigureAwait(false);
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
}
