using Streaming.Asr.Transducer;
using Streaming.Testing;

namespace Streaming.Asr.Tests.Transducer;

/// <summary>What a streaming transducer stream reports as held state (the server's memory-per-session gauge sums it).</summary>
public sealed class TransducerStateBytesTests : IDisposable
{
    private const int ChunkSamples = 32 * 160;

    private readonly TransducerModel _model;
    private readonly float[] _speech = SpeechClip.Read(TestPaths.InRepo("models", "zipformer-wenetspeech-zh", "test_wavs", "3.wav")).Samples;

    public TransducerStateBytesTests()
    {
        string directory = TestPaths.InRepo("models", "zipformer-wenetspeech-zh");
        Assert.True(TransducerModelFiles.TryFind(directory, out var files, out string? problem), problem);
        _model = TransducerModel.Load(files);
    }

    public void Dispose() => _model.Dispose();

    [Fact]
    public void A_fresh_stream_holds_two_sets_of_encoder_caches()
    {
        using var stream = _model.CreateStream();

        long oneSet = ZipformerEncoderState.Shapes(_model.Metadata, _model.FeatureDimension)
            .Select((shape, i) => shape.Aggregate(1L, (a, b) => a * b) * (i == ZipformerEncoderState.CountFor(_model.Metadata) - 1 ? sizeof(long) : sizeof(float)))
            .Sum();
        Assert.InRange(stream.StateBytes, 2 * oneSet, (2 * oneSet) + (1 << 20));
    }

    [Fact]
    public void State_does_not_grow_with_the_segment_once_the_first_chunks_have_run()
    {
        using var stream = _model.CreateStream();
        Feed(stream, _speech);
        long afterOnePass = stream.StateBytes;

        for (int pass = 0; pass < 3; pass++)
        {
            Feed(stream, _speech);
            Assert.Equal(afterOnePass, stream.StateBytes);
        }

        Assert.NotEmpty(stream.Finish().Text);
    }

    private static void Feed(IRecognitionStream stream, float[] samples)
    {
        for (int offset = 0; offset < samples.Length; offset += ChunkSamples)
        {
            stream.AcceptAudio(samples.AsSpan(offset, Math.Min(ChunkSamples, samples.Length - offset)));
        }
    }
}
