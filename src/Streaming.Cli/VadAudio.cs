using Streaming.Audio;

namespace Streaming.Cli;

/// <summary>A WAV file as mono samples at a rate Silero VAD takes (8 or 16 kHz; anything else is resampled to 16 kHz).</summary>
internal sealed record VadAudio(float[] Samples, int SampleRate)
{
    public static VadAudio Load(string path, int? channel)
    {
        var (samples, rate) = WavReader.ReadAllMono(path, new WavReaderOptions { Channel = channel });
        return rate is 8000 or 16000
            ? new VadAudio(samples, rate)
            : new VadAudio(Resampler.Resample(samples, rate, AudioFrame.SampleRate), AudioFrame.SampleRate);
    }
}
