using Streaming.Sip.Message;
using Streaming.Sip.Transport;

namespace Streaming.Sip.Transactions;

/// <summary>
/// Sends a request we originate (BYE) and retransmits it over UDP (timer E) until a final response or timer F.
/// </summary>
internal sealed class NonInviteClientTransaction(SipRequest request, SipFlow flow, SipTimers timers)
{
    private readonly TaskCompletionSource<SipResponse> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Branch { get; } = request.TopBranch;

    /// <summary>A response with our branch arrived.</summary>
    public void OnResponse(SipResponse response)
    {
        if (response.StatusCode >= 200)
        {
            _final.TrySetResult(response);
        }
    }

    /// <summary>Sends the request; returns its final response, or null after timer F.</summary>
    public async Task<SipResponse?> RunAsync(CancellationToken cancellationToken)
    {
        var bytes = request.ToBytes();
        await flow.SendAsync(bytes, cancellationToken).ConfigureAwait(false);
        var answered = flow.IsReliable
            ? await Task.WhenAny(_final.Task, Task.Delay(timers.Timeout, cancellationToken)).ConfigureAwait(false) == _final.Task
            : await timers.RetransmitAsync(() => flow.SendAsync(bytes, cancellationToken).AsTask(), _final.Task, cancellationToken).ConfigureAwait(false);
        return answered ? await _final.Task.ConfigureAwait(false) : null;
    }
}
