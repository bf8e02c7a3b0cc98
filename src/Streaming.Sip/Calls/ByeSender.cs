using System.Collections.Concurrent;
using Streaming.Sip.Message;
using Streaming.Sip.Transactions;

namespace Streaming.Sip.Calls;

/// <summary>Ends dialogs from our side: builds the BYE (Route set, Reason) and runs its client transaction.</summary>
internal sealed class ByeSender(ResponseBuilder responses, SipTimers timers)
{
    private readonly ConcurrentDictionary<string, NonInviteClientTransaction> _clients = new();

    /// <summary>Hands a response to the BYE it answers, if any.</summary>
    public void OnResponse(SipResponse response)
    {
        if (_clients.TryGetValue(response.TopBranch, out var client))
        {
            client.OnResponse(response);
        }
    }

    /// <summary>Sends a BYE with <paramref name="reason"/> in the call's dialog and waits for its answer or timer F.</summary>
    public async Task SendAsync(SipCall call, string reason)
    {
        var bye = new SipRequest("BYE", call.RemoteTarget);
        var branch = ViaHeader.MagicCookie + Tags.New();
        bye.Add(SipHeaderNames.Via, responses.Via(call.Flow, branch)).Add(SipHeaderNames.MaxForwards, "70");
        foreach (var route in call.Invite.Headers.Where(h => h.Name == "Record-Route"))
        {
            bye.Add("Route", route.Value);
        }

        bye.Add(SipHeaderNames.From, call.LocalParty)
            .Add(SipHeaderNames.To, call.Invite[SipHeaderNames.From]!)
            .Add(SipHeaderNames.CallId, call.CallId)
            .Add(SipHeaderNames.CSeq, $"{++call.LocalCSeq} BYE")
            .Add(SipHeaderNames.Reason, reason);
        var client = new NonInviteClientTransaction(bye, call.Flow, timers);
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
}
