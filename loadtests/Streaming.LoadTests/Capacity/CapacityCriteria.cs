using Streaming.LoadTests.Framework;

namespace Streaming.LoadTests.Capacity;

/// <summary>
/// When a load level is sustainable: p95 partial latency within one packet plus a budget (150 ms by default),
/// no failed session and no dropped message in the steady phase.
/// </summary>
public sealed record CapacityCriteria(int PacketMs, double BudgetMs = 150)
{
    /// <summary>The p95 partial latency limit in milliseconds.</summary>
    public double P95LimitMs => PacketMs + BudgetMs;

    /// <summary>Null when <paramref name="steady"/> passes, else why it does not.</summary>
    public string? Failure(PhaseResult steady)
    {
        if (steady.Sessions == 0)
        {
            return "no session completed";
        }

        if (steady.Failed > 0)
        {
            return $"{steady.Failed} of {steady.Sessions} sessions failed ({steady.Errors.Keys.First()})";
        }

        if (steady.Dropped > 0)
        {
            return $"{steady.Dropped} dropped messages";
        }

        if (steady.Partial.Count == 0)
        {
            return "no partial arrived";
        }

        return steady.Partial.P95 > P95LimitMs ? $"p95 partial {steady.Partial.P95:F0} ms > {P95LimitMs:F0} ms" : null;
    }
}
