namespace Streaming.Asr.Moonshine;

/// <summary>
/// Approximate token times for models that produce none (Moonshine): the segment is divided among the
/// tokens in proportion to their text length, so times are only a rough guide for alignment.
/// </summary>
internal static class ProportionalTimestamps
{
    /// <summary>Returns (start, end) pairs in seconds for tokens of the given text lengths.</summary>
    public static (double Start, double End)[] Spread(IReadOnlyList<int> lengths, double durationSeconds)
    {
        var times = new (double, double)[lengths.Count];
        double total = 0;
        foreach (int length in lengths)
        {
            total += Math.Max(1, length);
        }

        double position = 0;
        for (int i = 0; i < lengths.Count; i++)
        {
            double start = position;
            position += Math.Max(1, lengths[i]);
            times[i] = (durationSeconds * start / total, durationSeconds * position / total);
        }

        return times;
    }
}
