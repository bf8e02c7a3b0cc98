using System.Collections.Concurrent;
using Streaming.Sip.Message;
using Streaming.Sip.Transport;

namespace Streaming.Sip.Transactions;

/// <summary>
/// The live server transactions, keyed per RFC 3261 §17.2.3 so that two peers reusing one branch value (or two
/// RFC 2543 peers) never see each other's responses.
/// </summary>
internal sealed class ServerTransactionTable(SipTimers timers)
{
    private readonly ConcurrentDictionary<TransactionKey, ServerTransaction> _transactions = new();

    /// <summary>The transaction <paramref name="request"/> belongs to (a retransmission, or the INVITE's for an ACK).</summary>
    public ServerTransaction? Find(SipRequest request) =>
        _transactions.TryGetValue(TransactionKey.Of(request), out var tx) ? tx : null;

    /// <summary>The INVITE transaction a CANCEL refers to (RFC 3261 §9.2: same matching, method INVITE).</summary>
    public InviteServerTransaction? FindInvite(SipRequest cancel) =>
        _transactions.TryGetValue(TransactionKey.Of(cancel, "INVITE"), out var tx) ? tx as InviteServerTransaction : null;

    /// <summary>Opens the transaction of a new request; null when another copy of it won the race.</summary>
    public ServerTransaction? TryCreate(SipRequest request, SipFlow flow)
    {
        var tx = request.Method == "INVITE"
            ? new InviteServerTransaction(request, flow, timers, Remove)
            : new ServerTransaction(request, flow, timers, Remove);
        return _transactions.TryAdd(tx.Key, tx) ? tx : null;
    }

    private void Remove(ServerTransaction tx) => _transactions.TryRemove(new KeyValuePair<TransactionKey, ServerTransaction>(tx.Key, tx));
}
