namespace Streaming.Sip.Transactions;

/// <summary>RFC 3261 timer values (Table 4) derived from T1, T2 and T4.</summary>
/// <param name="T1">Round-trip estimate.</param>
/// <param name="T2">Cap on retransmission intervals of non-INVITE requests and INVITE responses.</param>
/// <param name="T4">Maximum lifetime of a message in the network.</param>
internal sealed record SipTimers(TimeSpan T1, TimeSpan T2, TimeSpan T4)
{
    /// <summary>Timers H, F and J: how long a transaction waits for its end.</summary>
    public TimeSpan Timeout => T1 * 64;

    public static SipTimers From(SipIngressOptions options) =>
        new(TimeSpan.FromMilliseconds(options.T1Ms), TimeSpan.FromMilliseconds(options.T2Ms), TimeSpan.FromMilliseconds(options.T4Ms));

    /// <summary>Sends <paramref name="send"/> at T1, 2T1, 4T1 ... capped at T2 until <paramref name="done"/> completes or the timeout passes; returns false on timeout.</summary>
    public async Task<bool> RetransmitAsync(Func<Task> send, Task done, CancellationToken cancellationToken)
    {
        var interval = T1;
        var deadline = Task.Delay(Timeout, cancellationToken);
        while (true)
        {
            var tick = Task.Delay(interval, cancellationToken);
            var first = await Task.WhenAny(done, deadline, tick).ConfigureAwait(false);
            if (first == done)
            {
                return true;
            }

            if (first == deadline || cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            await send().ConfigureAwait(false);
            interval = interval * 2 < T2 ? interval * 2 : T2;
        }
    }
}
