using System.Globalization;

namespace Streaming.LoadTests.Soak;

/// <summary>Reads sample values out of the Prometheus text exposition format.</summary>
public static class PrometheusText
{
    /// <summary>
    /// The value of the first sample named <paramref name="metric"/> (any labels), or null when absent.
    /// </summary>
    public static double? Value(string exposition, string metric)
    {
        foreach (var raw in exposition.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.IsEmpty || line[0] == '#' || !line.StartsWith(metric, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[metric.Length..];
            if (rest.IsEmpty || (rest[0] != '{' && rest[0] != ' '))
            {
                continue; // a longer name sharing the prefix
            }

            if (rest[0] == '{')
            {
                var close = rest.IndexOf('}');
                if (close < 0)
                {
                    continue;
                }

                rest = rest[(close + 1)..];
            }

            rest = rest.TrimStart();
            var space = rest.IndexOf(' ');
            var number = space < 0 ? rest : rest[..space];
            if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        return null;
    }
}
