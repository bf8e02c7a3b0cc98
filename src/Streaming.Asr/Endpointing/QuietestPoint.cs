namespace Streaming.Asr.Endpointing;

/// <summary>
/// Finds where to cut speech that must be split without a pause: the centre of the lowest-energy
/// 20 ms frame, which in running speech is usually a gap between words or a closure.
/// </summary>
public static class QuietestPoint
{
    /// <summary>Energy is compared over frames of this many samples (20 ms at 16 kHz).</summary>
    public const int FrameSamples = 320;

    /// <summary>
    /// Index into <paramref name="samples"/> at the centre of its quietest frame; for input shorter than
    /// one frame, its end. Ties go to the latest frame, so cuts stay close to the limit.
    /// </summary>
    public static int Find(ReadOnlySpan<float> samples)
    {
        if (samples.Length < FrameSamples)
        {
            return samples.Length;
        }

        var best = 0;
        var bestEnergy = double.MaxValue;
        for (var start = 0; start + FrameSamples <= samples.Length; start += FrameSamples / 2)
        {
            double energy = 0;
            foreach (var s in samples.Slice(start, FrameSamples))
            {
                energy += s * s;
            }

            if (energy <= bestEnergy)
            {
                bestEnergy = energy;
                best = start;
            }
        }

        return best + (FrameSamples / 2);
    }
}
