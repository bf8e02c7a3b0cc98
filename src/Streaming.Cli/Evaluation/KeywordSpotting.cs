using System.Diagnostics;
using Streaming.Asr;
using Streaming.Asr.Keywords;
using Streaming.Audio;

namespace Streaming.Cli.Evaluation;

/// <summary>What spotting one clip gave: the hits and how long each packet took to decode into a partial.</summary>
internal sealed record SpottingRun(IReadOnlyList<KeywordHit> Hits, IReadOnlyList<double> PacketMilliseconds);

/// <summary>
/// Spots keywords in a 16 kHz clip with a recogniser stream alone (no VAD or pipeline): the clip in 100 ms packets,
/// a partial after each, then the final, as a live session feeds its recogniser.
/// </summary>
internal static class KeywordSpotting
{
    public const int PacketSamples = AudioFrame.SampleRate / 10;

    public static SpottingRun Run(IRecognizerModel model, IReadOnlyList<Keyword> keywords, float[] samples)
    {
        using var stream = CreateStream(model, keywords);
        var hits = new List<KeywordHit>();
        var times = new List<double>(samples.Length / PacketSamples + 1);
        for (int offset = 0; offset < samples.Length; offset += PacketSamples)
        {
            long start = Stopwatch.GetTimestamp();
            stream.AcceptAudio(samples.AsSpan(offset, Math.Min(PacketSamples, samples.Length - offset)));
            hits.AddRange(stream.GetPartial().KeywordHits);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        hits.AddRange(stream.Finish().KeywordHits);
        return new SpottingRun(hits, times);
    }

    /// <summary>A stream spotting <paramref name="keywords"/>; a keyword the model cannot spell is a user error.</summary>
    public static IRecognitionStream CreateStream(IRecognizerModel model, IReadOnlyList<Keyword> keywords)
    {
        try
        {
            return model.CreateStream([], keywords);
        }
        catch (Exception e) when (e is KeywordException or NotSupportedException)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary>Reads a clip the recogniser can take as it is.</summary>
    public static float[] ReadClip(string path)
    {
        var (samples, rate) = WavReader.ReadAllMono(path);
        return rate == AudioFrame.SampleRate ? samples : throw new CliException($"'{path}' is {rate} Hz; keyword spotting here needs 16 kHz wavs.");
    }
}
