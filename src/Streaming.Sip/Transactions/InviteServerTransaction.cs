using Streaming.Sip.Message;
using Streaming.Sip.Transport;

namespace Streaming.Sip.Transactions;

/// <summary>
/// INVITE server transaction: its final response is retransmitted (timer G, doubling up to T2) until the ACK
/// arrives or timer H (64×T1) fires. That covers 2xx too (the "Accepted" state of RFC 6026), whose ACK is a
/// separate request matched by the dialog. After the ACK, timer I absorbs ACK retransmissions.
/// </summary>
internal sealed class InviteServerTransaction(SipRequest request, SipFlow flow, SipTimers timers, Action<ServerTransaction> remove)
    : ServerTransaction(request, flow, timers, remove)
{
    private readonly TaskCompletionSource _acked = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised when timer H fires without an ACK for our final response.</summary>
    public event Action<InviteServerTransaction>? AckTimedOut;

    /// <summary>Whether the final response was acknowledged.</summary>
    public bool IsAcked => _acked.Task.IsCompleted;

    /// <summary>
    /// Whether <paramref name="ack"/> acknowledges our final response: always when the branch carries the cookie,
    /// else only when its To tag is the one we answered with (RFC 3261 §17.2.3, RFC 2543 rules).
    /// </summary>
    public bool IsAckedBy(SipRequest ack) =>
        ViaHeader.Parse(ack.Values(SipHeaderNames.Via).First()).HasCookie ||
        HeaderValue.Parameter(ack[SipHeaderNames.To]!, "tag") == HeaderValue.Parameter(LastResponse?[SipHeaderNames.To] ?? string.Empty, "tag");

    /// <summary>The ACK for the final response arrived.</summary>
    public void Acknowledge()
    {
        if (IsCompleted && _acked.TrySetResult())
        {
            TerminateAfter(Flow.IsReliable ? TimeSpan.Zero : Timers.T4);
        }
    }

    protected override void OnCompleted()
    {
        _ = RetransmitUntilAckAsync();
    }

    private async Task RetransmitUntilAckAsync()
    {
        // Over TCP the transport is reliable, so only timer H matters.
        var acked = Flow.IsReliable
            ? await Task.WhenAny(_acked.Task, Task.Delay(Timers.Timeout)).ConfigureAwait(false) == _acked.Task
            : await Timers.RetransmitAsync(() => SendLastAsync(CancellationToken.None), _acked.Task, CancellationToken.None).ConfigureAwait(false);
        if (!acked && !Ended.IsCompleted)
        {
            AckTimedOut?.Invoke(this);
            Terminate();
        }
    }
}
