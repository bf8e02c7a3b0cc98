using Streaming.Asr.Endpointing;
using Streaming.Asr.Transducer;
using Streaming.Testing;

namespace Streaming.Asr.Tests.Transducer;

/// <summary>Streaming behaviour of <see cref="TransducerStream"/> on the bundled Mandarin Zipformer (chunk 32 frames → 8 encoder frames of 40 ms).</summary>
public sealed class TransducerStreamTests : IDisposable
{
    private const int ChunkSamples = 32 * 160; // one encoder chunk: 320 ms

    private readonly TransducerModel _model;
    private readonly float[] _speech = SpeechClip.Read(TestPaths.InRepo("models", "zipformer-wenetspeech-zh", "test_wavs", "3.wav")).Samples;

    public TransducerStreamTests()
    {
        string directory = TestPaths.InRepo("models", "zipformer-wenetspeech-zh");
        Assert.True(TransducerModelFiles.TryFind(directory, out var files, out string? problem), problem);
        _model = TransducerModel.Load(files);
    }

    [Fact]
    public void Tail_padding_is_one_encoder_window()
    {
        Assert.Equal(45, _model.Metadata.ChunkFrames);
        Assert.Equal(45 * 160, _model.TailPaddingSamples);
    }

    [Fact]
    public void Partials_grow_chunk_by_chunk_as_prefixes_of_the_final()
    {
        using var stream = _model.CreateStream();
        var partials = new List<string[]>();
        for (int offset = 0; offset < _speech.Length; offset += ChunkSamples)
        {
            stream.AcceptAudio(_speech.AsSpan(offset, Math.Min(ChunkSamples, _speech.Length - offset)));
            partials.Add([.. stream.GetPartial().Tokens.Select(t => t.Text)]);
        }

        string[] final = [.. stream.Finish().Tokens.Select(t => t.Text)];
        Assert.All(partials, p => Assert.Equal(final.Take(p.Length), p));
        Assert.All(partials.Zip(partials.Skip(1)), pair => Assert.True(pair.Second.Length >= pair.First.Length));

        // 3.wav is 8 s of almost continuous speech: most 320 ms chunks bring new tokens, so most partials differ.
        int changes = partials.Zip(partials.Skip(1)).Count(pair => pair.Second.Length > pair.First.Length);
        Assert.True(changes >= partials.Count / 2, $"only {changes} of {partials.Count} chunks changed the partial");
    }

    [Theory]
    [InlineData("3.wav", RecognizerOptions.GreedySearch)]
    [InlineData("3.wav", RecognizerOptions.ModifiedBeamSearch)]
    [InlineData("0.wav", RecognizerOptions.GreedySearch)]
    public void Committed_characters_of_a_partial_stay_in_later_partials(string wav, string method)
    {
        string directory = TestPaths.InRepo("models", "zipformer-wenetspeech-zh");
        Assert.True(TransducerModelFiles.TryFind(directory, out var files, out string? problem), problem);
        using var model = TransducerModel.Load(files, new RecognizerOptions { DecodingMethod = method });
        float[] speech = SpeechClip.Read(Path.Combine(directory, "test_wavs", wav)).Samples;
        using var stream = model.CreateStream();
        var partials = new List<RecognitionResult>();
        for (int offset = 0; offset < speech.Length; offset += ChunkSamples)
        {
            stream.AcceptAudio(speech.AsSpan(offset, Math.Min(ChunkSamples, speech.Length - offset)));
            partials.Add(stream.GetPartial());
        }

        for (int i = 0; i < partials.Count; i++)
        {
            string committed = partials[i].Text[..partials[i].StableTextLength];
            Assert.All(partials.Skip(i + 1), later => Assert.StartsWith(committed, later.Text, StringComparison.Ordinal));
        }

        // The final replaces the partials and is converted whole, as a segment decoded in one go would be.
        var final = stream.Finish();
        using var whole = model.CreateStream();
        whole.AcceptAudio(speech);
        Assert.Equal(whole.Finish().Text, final.Text);
        Assert.Equal(final.Text.Length, final.StableTextLength);

        // Commits keep up with the speech: by the last chunk most of the text is committed, not just the first word.
        var last = partials[^1];
        Assert.True(last.StableTextLength * 2 >= last.Text.Length, $"only {last.StableTextLength} of '{last.Text}' committed");
    }

    [Fact]
    public void Token_times_are_encoder_frames_of_40_ms_in_order()
    {
        using var stream = _model.CreateStream();
        stream.AcceptAudio(_speech);
        var tokens = stream.Finish().Tokens;
        Assert.NotEmpty(tokens);
        Assert.All(tokens, t =>
        {
            Assert.Equal(0, Math.Round(t.Start / 0.04, 6) % 1);
            Assert.Equal(0.04, t.End - t.Start, 6);
        });
        Assert.All(tokens.Zip(tokens.Skip(1)), pair => Assert.True(pair.Second.Start > pair.First.Start));
        Assert.True(tokens[^1].End <= _speech.Length / 16000.0, "a token lies in the tail padding");
    }

    [Fact]
    public void A_stream_that_ends_mid_word_flushes_it_in_the_final()
    {
        // 3.wav is cut at 4.5 s, in the middle of 法国 (fǎ g|uó); the last word's frames are still in the encoder's lookahead.
        var cut = _speech.AsSpan(0, 72000);
        using var stream = _model.CreateStream();
        stream.AcceptAudio(cut);
        var partial = stream.GetPartial();
        var final = stream.Finish();
        Assert.True(final.Tokens.Count > partial.Tokens.Count, $"final '{final.Text}' adds nothing to partial '{partial.Text}'");
        Assert.Equal(partial.Tokens.Select(t => t.Text), final.Tokens.Take(partial.Tokens.Count).Select(t => t.Text));
        Assert.True(final.Tokens[^1].Start > 4.0, $"last final token at {final.Tokens[^1].Start} s");
    }

    [Fact]
    public void Finish_resets_the_stream_for_the_next_segment()
    {
        using var stream = _model.CreateStream();
        stream.AcceptAudio(_speech.AsSpan(0, 40000));
        stream.Finish();
        stream.AcceptAudio(_speech);
        var second = stream.Finish();

        using var fresh = _model.CreateStream();
        fresh.AcceptAudio(_speech);
        var expected = fresh.Finish();
        Assert.Equal(expected.Tokens, second.Tokens);
    }

    [Fact]
    public void The_hypothesis_version_changes_with_every_encoder_chunk_and_only_then()
    {
        using var stream = _model.CreateStream();
        var versions = new List<long?>();
        for (int offset = 0; offset + 1600 <= 3 * ChunkSamples + (45 * 160); offset += 1600)
        {
            stream.AcceptAudio(_speech.AsSpan(offset, 1600));
            versions.Add(stream.HypothesisVersion);
        }

        // A chunk runs once more than 45 frames are ready, then every 32 frames (320 ms): 100 ms packets see each once.
        var distinct = versions.Distinct().ToList();
        Assert.Equal(Enumerable.Range(0, distinct.Count).Select(i => (long?)i), distinct);
        Assert.InRange(distinct.Count, 4, 5);
    }

    [Fact]
    public void Steady_state_chunks_allocate_almost_nothing()
    {
        using var stream = _model.CreateStream();
        stream.AcceptAudio(_speech.AsSpan(0, 2 * 16000)); // first chunks: bindings, buffers, JIT
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int offset = 2 * 16000; offset + 1600 <= 7 * 16000; offset += 1600)
        {
            stream.AcceptAudio(_speech.AsSpan(offset, 1600));
        }

        // 5 s is about 16 encoder chunks; before the caches were swapped in place each chunk allocated about 47 KiB.
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 16 * 1024, $"5 s of audio allocated {allocated} bytes");
    }

    [Fact]
    public void Trailing_silence_counts_only_decoded_blank_frames_not_audio_in_the_lookahead()
    {
        // During continuous speech the decoder lags the audio by up to a chunk plus its right context (~0.8 s):
        // measured against the audio received, a 500 ms endpoint would fire in the middle of the sentence.
        var detector = new EndpointDetector(new EndpointOptions { MaxTrailingSilenceMs = 500 });
        using var stream = _model.CreateStream();
        var fired = new List<double>();
        for (int offset = 0; offset + 1600 <= 6 * 16000; offset += 1600)
        {
            stream.AcceptAudio(_speech.AsSpan(offset, 1600));
            double fed = (offset + 1600) / 16000.0;
            var partial = stream.GetPartial();
            Assert.True(partial.DecodedSeconds <= fed);
            if (partial.Tokens.Count > 0 && detector.Check(partial, fed) == EndpointRule.TrailingSilence)
            {
                fired.Add(fed);
            }
        }

        Assert.Empty(fired);
    }

    [Fact]
    public void A_fresh_stream_holds_two_sets_of_encoder_caches_as_its_state()
    {
        using var stream = _model.CreateStream();

        int last = ZipformerEncoderState.CountFor(_model.Metadata) - 1;
        long oneSet = ZipformerEncoderState.Shapes(_model.Metadata, _model.FeatureDimension)
            .Select((shape, i) => shape.Aggregate(1L, (a, b) => a * b) * (i == last ? sizeof(long) : sizeof(float)))
            .Sum();
        Assert.InRange(stream.StateBytes, 2 * oneSet, (2 * oneSet) + (1 << 20));
    }

    [Fact]
    public void State_does_not_grow_with_the_segment_once_the_first_chunks_have_run()
    {
        using var stream = _model.CreateStream();
        FeedInChunks(stream);
        long afterOnePass = stream.StateBytes;

        for (int pass = 0; pass < 3; pass++)
        {
            FeedInChunks(stream);
            Assert.Equal(afterOnePass, stream.StateBytes);
        }

        Assert.NotEmpty(stream.Finish().Text);
    }

    public void Dispose() => _model.Dispose();

    private void FeedInChunks(IRecognitionStream stream)
    {
        for (int offset = 0; offset < _speech.Length; offset += ChunkSamples)
        {
            stream.AcceptAudio(_speech.AsSpan(offset, Math.Min(ChunkSamples, _speech.Length - offset)));
        }
    }
}
