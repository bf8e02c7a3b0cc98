using Streaming.Sip.Message;
using Streaming.Sip.Transport;

namespace Streaming.Sip.Transactions;

/// <summary>
/// A server transaction (RFC 3261 §17.2): absorbs retransmitted requests by re-sending the last response.
/// Non-INVITE transactions linger for timer J after their final response (immediately gone over TCP).
/// </summary>
internal class ServerTransaction(SipRequest request, SipFlow flow, SipTimers timers, Action<ServerTransaction> remove)
{
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Key in the transaction table.</summary>
    public TransactionKey Key { get; } = TransactionKey.Of(request);

    public SipRequest Request { get; } = request;

    public SipFlow Flow { get; } = flow;

    public SipResponse? LastResponse { get; private set; }

    /// <summary>True once a final (≥200) response was sent.</summary>
    public bool IsCompleted => LastResponse?.StatusCode >= 200;

    protected SipTimers Timers { get; } = timers;

    /// <summary>Completes when the transaction is removed.</summary>
    protected Task Ended => _ended.Task;

    /// <summary>Sends a response and remembers it for retransmissions.</summary>
    public virtual async Task RespondAsync(SipResponse response, CancellationToken cancellationToken)
    {
        LastResponse = response;
        await SendLastAsync(cancellationToken).ConfigureAwait(false);
        if (IsCompleted)
        {
            OnCompleted();
        }
    }

    /// <summary>A retransmitted request arrived: answer it with what was already sent.</summary>
    public Task RetransmissionAsync(CancellationToken cancellationToken) =>
        LastResponse is null ? Task.CompletedTask : SendLastAsync(cancellationToken);

    /// <summary>Removes the transaction now.</summary>
    public void Terminate()
    {
        if (_ended.TrySetResult())
        {
            remove(this);
        }
    }

    protected async Task SendLastAsync(CancellationToken cancellationToken) =>
        await Flow.SendAsync(LastResponse!.ToBytes(), cancellationToken).ConfigureAwait(false);

    /// <summary>Timer J: keep answering retransmissions for a while over UDP.</summary>
    protected virtual void OnCompleted() => TerminateAfter(Flow.IsReliable ? TimeSpan.Zero : Timers.Timeout);

    protected void TerminateAfter(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Terminate();
            return;
        }

        _ = Task.Delay(delay).ContinueWith(_ => Terminate(), TaskScheduler.Default);
    }
}
