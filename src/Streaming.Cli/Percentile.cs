namespace Streaming.Cli;

/// <summary>Percentiles for the benches' figures, by the nearest-rank method, so every bench reads alike.</summary>
internal static class Percentile
{
    /// <summary>
    /// The smallest value with at least <paramref name="q"/> of <paramref name="sorted"/> (ascending) at or below it;
    /// NaN when there is none.
    /// </summary>
    public static double Of(IReadOnlyList<double> sorted, double q) => sorted.Count == 0
        ? double.NaN
        : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}
