using System.Collections.Concurrent;

namespace Streaming.Server.Telemetry;

/// <summary>
/// Metric label values from client input (keywords, roles), kept to a bounded set: the first
/// <paramref name="capacity"/> distinct values are used as they are, later ones share <see cref="Other"/>, so a
/// client sending endless new values cannot grow the metrics without bound. Thread-safe.
/// </summary>
/// <param name="capacity">Distinct values that get their own label.</param>
public sealed class BoundedLabels(int capacity)
{
    /// <summary>The label of every value past the bound.</summary>
    public const string Other = "_other";

    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);
    private readonly Lock _admission = new();

    /// <summary>The label to record <paramref name="value"/> under.</summary>
    public string For(string value)
    {
        if (_known.ContainsKey(value))
        {
            return value;
        }

        lock (_admission)
        {
            if (_known.Count >= capacity)
            {
                return Other;
            }

            _known.TryAdd(value, 0);
            return value;
        }
    }
}
