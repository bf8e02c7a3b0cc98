using Streaming.Asr;
using Streaming.Asr.Vad;
using Streaming.Audio;
using Streaming.Testing;

namespace Streaming.Pipeline.Tests;

/// <summary>Shared models and helpers for driving a real <see cref="SessionPipeline"/>.</summary>
public sealed class PipelineHarness : IDisposable
{
    private readonly Lazy<IRecognizerModel> _moonshine = new(() => RecognizerModelLoader.Load(Path.Combine(TestPaths.Models, "moonshine-tiny-en")));

    public SileroVadModel Vad { get; } = new(SileroVadModel.BundledPath(TestPaths.Models));

    /// <summary>The bundled English model, loaded on first use.</summary>
    public IRecognizerModel Moonshine => _moonshine.Value;

    public SessionPipelineFactory Factory(PipelineOptions? options = null, IRecognizerModel? recognizer = null) =>
        new(Vad, new VadOptions(), recognizer, null, options ?? new PipelineOptions());

    /// <summary>Splits 16-bit PCM of <paramref name="samples"/> into packets of <paramref name="packetMs"/>.</summary>
    public static IEnumerable<byte[]> Pcm16Packets(float[] samples, int rate, int packetMs = 20)
    {
        var bytes = new byte[samples.Length * 2];
        Pcm16.FromFloat(samples, bytes);
        var size = rate * packetMs / 1000 * 2;
        for (var i = 0; i < bytes.Length; i += size)
        {
            yield return bytes[i..Math.Min(bytes.Length, i + size)];
        }
    }

    /// <summary>Sends <paramref name="samples"/> as 20 ms PCM16 packets, completes, and returns every event.</summary>
    public static async Task<List<PipelineEvent>> RunAsync(SessionPipeline pipeline, float[] samples, int rate)
    {
        var reading = ReadAllAsync(pipeline);
        foreach (var packet in Pcm16Packets(samples, rate))
        {
            await pipeline.WriteAudioAsync(packet);
        }

        pipeline.Complete();
        var events = await reading;
        await pipeline.Completion;
        return events;
    }

    public static async Task<List<PipelineEvent>> ReadAllAsync(SessionPipeline pipeline)
    {
        var events = new List<PipelineEvent>();
        await foreach (var e in pipeline.Events.ReadAllAsync())
        {
            events.Add(e);
        }

        return events;
    }

    public void Dispose()
    {
        if (_moonshine.IsValueCreated)
        {
            _moonshine.Value.Dispose();
        }

        Vad.Dispose();
    }
}
