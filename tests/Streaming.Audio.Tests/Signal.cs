namespace Streaming.Audio.Tests;

/// <summary>Test signals and their spectral measurement.</summary>
internal static class Signal
{
    public static float[] Sine(double frequency, int sampleRate, int length, double amplitude = 0.5)
    {
        var samples = new float[length];
        for (int i = 0; i < length; i++)
        {
            samples[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return samples;
    }

    /// <summary>
    /// Amplitude of the component at <paramref name="frequency"/>, by projection onto sine and cosine
    /// (a single-bin DFT); exact when the span holds a whole number of its periods.
    /// </summary>
    public static double Amplitude(ReadOnlySpan<float> samples, double frequency, int sampleRate)
    {
        double re = 0;
        double im = 0;
        for (int i = 0; i < samples.Length; i++)
        {
            double angle = 2 * Math.PI * frequency * i / sampleRate;
            re += samples[i] * Math.Cos(angle);
            im += samples[i] * Math.Sin(angle);
        }

        return 2 * Math.Sqrt((re * re) + (im * im)) / samples.Length;
    }

    public static double Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (float s in samples)
        {
            sum += s * s;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    public static double Db(double ratio) => 20 * Math.Log10(ratio);
}
