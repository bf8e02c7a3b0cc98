using System.Globalization;

namespace Streaming.LoadTests.Soak;

/// <summary>Reads sample values out of the Prometheus text exposition format.</summary>
public static class PrometheusText
{
    /// <summary>
    /// The value of the first sample named <paramref name="metric"/> (any labels, or, with <paramref name="label"/>
    /// such as <c>state="idle"</c>, one whose labels include it), or null when absent.
    /// </summary>
    public static double? Value(string exposition, string metric, string? label = null)
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

                if (label is not null && !HasLabel(rest[1..close], label))
                {
                    continue;
                }

                rest = rest[(close + 1)..];
            }
            else if (label is not null)
            {
                continue;
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

    // Label pairs are comma-separated name="value"; a value may itself hold commas, so a pair must start the set or follow a comma.
    private static bool HasLabel(ReadOnlySpan<char> labels, string label)
    {
        for (var at = labels.IndexOf(label, StringComparison.Ordinal); at >= 0; at = NextIndex(labels, label, at))
        {
            var end = at + label.Length;
            if ((at == 0 || labels[at - 1] == ',') && (end == labels.Length || labels[end] == ','))
            {
                return true;
            }
        }

        return false;
    }

    private static int NextIndex(ReadOnlySpan<char> labels, string label, int after)
    {
        var next = labels[(after + 1)..].IndexOf(label, StringComparison.Ordinal);
        return next < 0 ? -1 : after + 1 + next;
    }
}
