using Streaming.Audio;

namespace Streaming.Asr.Tests;

/// <summary>A speech file read through the product's WAV reader, as mono samples at its own rate.</summary>
internal sealed record SpeechClip(int SampleRate, float[] Samples)
{
    public double Seconds => (double)Samples.Length / SampleRate;

    public static SpeechClip Read(string path)
    {
        var (samples, rate) = WavReader.ReadAllMono(path);
        return new SpeechClip(rate, samples);
    }
}
