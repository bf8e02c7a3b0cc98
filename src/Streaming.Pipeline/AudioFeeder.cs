using System.Diagnostics;
using Streaming.Audio;

namespace Streaming.Pipeline;

/// <summary>
/// Feeds decoded audio into a <see cref="SessionPipeline"/> as an ingress would: PCM16 packets of a fixed
/// length, either as fast as the pipeline takes them (files, batch) or paced at real time (simulated
/// live clients in benchmarks). The pipeline must have been created for PCM16 at <c>sampleRate</c>.
/// </summary>
public static class AudioFeeder
{
    /// <summary>
    /// Writes <paramref name="samples"/> and completes the pipeline. <paramref name="onPacket"/>, if given,
    /// is told the stream position (in source samples) reached after each packet, when it was queued.
    /// </summary>
    public static async Task FeedAsync(
        SessionPipeline pipeline,
        ReadOnlyMemory<float> samples,
        int sampleRate,
        int packetMs = 100,
        bool paced = false,
        Action<long>? onPacket = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(packetMs);
        var packetSamples = Math.Max(1, sampleRate * packetMs / 1000);
        var clock = Stopwatch.StartNew();
        for (var offset = 0; offset < samples.Length; offset += packetSamples)
        {
            var count = Math.Min(packetSamples, samples.Length - offset);
            if (paced)
            {
                var due = TimeSpan.FromSeconds(offset / (double)sampleRate);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }
            }

            var packet = new byte[count * 2];
            Pcm16.FromFloat(samples.Span.Slice(offset, count), packet);
            await pipeline.WriteAudioAsync(packet, cancellationToken).ConfigureAwait(false);
            onPacket?.Invoke(offset + count);
        }

        pipeline.Complete();
    }
}
