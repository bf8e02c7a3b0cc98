namespace Streaming.LoadTests.Soak;

/// <summary>Least-squares slope of a series, used to tell steady memory from a leak.</summary>
public static class LinearTrend
{
    /// <summary>The slope of <paramref name="y"/> over <paramref name="x"/>; 0 for fewer than two distinct x.</summary>
    public static double Slope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException("x and y must have the same length.");
        }

        if (x.Count < 2)
        {
            return 0;
        }

        var meanX = x.Average();
        var meanY = y.Average();
        double covariance = 0, variance = 0;
        for (var i = 0; i < x.Count; i++)
        {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            variance += (x[i] - meanX) * (x[i] - meanX);
        }

        return variance == 0 ? 0 : covariance / variance;
    }
}
