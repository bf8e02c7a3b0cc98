namespace Streaming.Asr;

/// <summary>Arg-max and softmax probability over a logit row, without allocating.</summary>
internal static class Softmax
{
    /// <summary>Returns the index of the largest logit and its softmax probability.</summary>
    public static int ArgMax(ReadOnlySpan<float> logits, out float probability)
    {
        int best = 0;
        float max = logits[0];
        for (int i = 1; i < logits.Length; i++)
        {
            if (logits[i] > max)
            {
                max = logits[i];
                best = i;
            }
        }

        probability = (float)(1.0 / SumExp(logits, max));
        return best;
    }

    /// <summary>Softmax probability of one entry.</summary>
    public static float Probability(ReadOnlySpan<float> logits, int index)
    {
        float max = Max(logits);
        return (float)(Math.Exp(logits[index] - max) / SumExp(logits, max));
    }

    /// <summary>Writes log-softmax of <paramref name="logits"/> into <paramref name="destination"/>.</summary>
    public static void LogSoftmax(ReadOnlySpan<float> logits, Span<float> destination)
    {
        float max = Max(logits);
        float logSum = max + (float)Math.Log(SumExp(logits, max));
        for (int i = 0; i < logits.Length; i++)
        {
            destination[i] = logits[i] - logSum;
        }
    }

    private static float Max(ReadOnlySpan<float> values)
    {
        float max = values[0];
        foreach (float v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    private static double SumExp(ReadOnlySpan<float> logits, float max)
    {
        double sum = 0;
        foreach (float v in logits)
        {
            sum += Math.Exp(v - max);
        }

        return sum;
    }
}
