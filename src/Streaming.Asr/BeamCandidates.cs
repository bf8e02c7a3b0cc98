namespace Streaming.Asr;

/// <summary>A candidate extension of a beam hypothesis, ranked by its total score.</summary>
internal interface IBeamCandidate
{
    /// <summary>Total log score; larger is better.</summary>
    double Score { get; }
}

/// <summary>
/// The best candidates of one search step, kept sorted best-first in a fixed array of beam size: insertion
/// prunes as it goes, so a step never sorts or allocates.
/// </summary>
internal static class BeamCandidates
{
    /// <summary>Inserts <paramref name="candidate"/> into the first <paramref name="count"/> entries of <paramref name="top"/>; returns the new count.</summary>
    public static int Insert<T>(T[] top, int count, T candidate)
        where T : struct, IBeamCandidate
    {
        int capacity = top.Length;
        if (count == capacity && candidate.Score <= top[count - 1].Score)
        {
            return count;
        }

        int position = count == capacity ? count - 1 : count;
        while (position > 0 && top[position - 1].Score < candidate.Score)
        {
            top[position] = top[position - 1];
            position--;
        }

        top[position] = candidate;
        return Math.Min(count + 1, capacity);
    }
}
