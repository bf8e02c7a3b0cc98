using System.Runtime.InteropServices;
using Streaming.Asr.Endpointing;
using Streaming.Asr.Keywords;

namespace Streaming.Asr.Moonshine;

/// <summary>
/// One session's Moonshine decoding. Moonshine is not streaming, so the segment's audio is buffered and
/// <see cref="GetPartial"/> re-decodes it (the newest window of it, see below). Partials force the committed prefix (see
/// <see cref="StablePrefix"/>) into the decoder and only decode the tail freely, so the texts of committed
/// tokens (<see cref="RecognitionResult.StableTokenCount"/>) never change between partials (their times
/// and confidences are refined as audio grows); <see cref="Finish"/> decodes the whole segment without
/// forcing, and that result is authoritative. Each partial re-runs the encoder over its window of the segment, so
/// its cost grows with segment length up to the window: callers should pace partials (a few per second at most). Token times are approximate: Moonshine gives none, so the segment is spread
/// over the tokens in proportion to their text length. Confidence is the softmax probability of each token.
/// Keywords are spotted in the text: in the committed tokens of partials and in the final, each once per segment.
/// Partials decode a window, so a long segment's partial costs no more than one of <see cref="PartialWindowSeconds"/>:
/// past it, the committed text is finished off over the audio up to a quiet point just after it (see
/// <see cref="AdvanceWindow"/>), and those tokens stay fixed for the segment's later partials, which decode from there on.
/// </summary>
public sealed class MoonshineStream : IRecognitionStream
{
    private readonly MoonshineModel _model;
    private readonly IMoonshineDecoder _decoder;
    private readonly StablePrefix _prefix = new();
    private readonly TranscriptKeywordMatcher _keywords;
    private readonly List<ScoredToken> _fixed = [];
    private int _windowStart;
    // Float samples kept as bytes, so the encoder reads them in place.
    private byte[] _audio = new byte[MoonshineModel.SampleRate * 4 * sizeof(float)];
    private int _length;
    private bool _changed;
    private RecognitionResult _last = RecognitionResult.Empty;

    internal MoonshineStream(MoonshineModel model, IMoonshineDecoder decoder, TranscriptKeywordMatcher keywords)
    {
        _model = model;
        _decoder = decoder;
        _keywords = keywords;
    }

    /// <summary>Most audio (s) a partial decodes; the window moves on when it is exceeded.</summary>
    public const double PartialWindowSeconds = 8;

    // A moved window keeps at least this much of the newest audio, and cuts at least this far after the committed text.
    private const int KeptSamples = 2 * MoonshineModel.SampleRate;
    private const int CommitMarginSamples = MoonshineModel.SampleRate / 4;

    /// <summary>Seconds of audio buffered for the current segment.</summary>
    public double BufferedSeconds => (double)_length / MoonshineModel.SampleRate;

    /// <summary>Where (s into the segment) the audio the next partial decodes starts.</summary>
    internal double PartialWindowStart => (double)_windowStart / MoonshineModel.SampleRate;

    /// <inheritdoc />
    /// <remarks>
    /// The segment's audio buffer, which keeps its grown capacity between segments. The decoder's self- and
    /// cross-attention caches live only during one decode, so they are not held state.
    /// </remarks>
    public long StateBytes => _audio.LongLength;

    /// <inheritdoc />
    public void AcceptAudio(ReadOnlySpan<float> samples16k)
    {
        if (samples16k.IsEmpty)
        {
            return;
        }

        int needed = (_length + samples16k.Length) * sizeof(float);
        if (needed > _audio.Length)
        {
            Array.Resize(ref _audio, Math.Max(_audio.Length * 2, needed));
        }

        samples16k.CopyTo(MemoryMarshal.Cast<byte, float>(_audio.AsSpan(_length * sizeof(float))));
        _length += samples16k.Length;
        _changed = true;
    }

    /// <inheritdoc />
    public RecognitionResult GetPartial()
    {
        if (!_changed)
        {
            // Its hits were reported with it.
            return _last;
        }

        _changed = false;
        if (_length - _windowStart > PartialWindowSeconds * MoonshineModel.SampleRate)
        {
            AdvanceWindow();
        }

        var decode = Decode(_windowStart, _length, _prefix.Committed, _prefix.Tail);
        _prefix.Update(decode);
        var partial = Build([.. _fixed, .. decode], _fixed.Count + _prefix.Committed.Count);
        _last = partial;
        var hits = _keywords.Match(partial.Tokens, partial.StableTokenCount, complete: false);
        return hits.Count == 0 ? partial : partial with { KeywordHits = hits };
    }

    /// <inheritdoc />
    public RecognitionResult Finish()
    {
        var decode = Decode(0, _length, [], []);
        var result = Build(decode, decode.Count);
        result = result with { KeywordHits = _keywords.Match(result.Tokens, result.Tokens.Count, complete: true) };
        _keywords.Reset();
        _length = 0;
        _changed = false;
        _prefix.Clear();
        _fixed.Clear();
        _windowStart = 0;
        _last = RecognitionResult.Empty;
        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Nothing native is held between calls: every run's outputs are freed before it returns.
    }

    /// <summary>
    /// Moves the partial window on: the audio from the window's start to the quietest point between just after the
    /// committed text (as the last partial's proportional times place it) and the newest <see cref="KeptSamples"/> is
    /// decoded once with the committed tokens forced, and its tokens become fixed. Nothing moves when the committed
    /// text reaches too close to the newest audio.
    /// </summary>
    private void AdvanceWindow()
    {
        int stable = _last.StableTokenCount;
        int committedEnd = stable == 0 ? _windowStart : (int)(_last.Tokens[stable - 1].End * MoonshineModel.SampleRate);
        int from = Math.Max(committedEnd + CommitMarginSamples, _windowStart + MoonshineModel.MinimumSamples);
        int to = _length - KeptSamples;
        if (to - from < QuietestPoint.FrameSamples)
        {
            return;
        }

        var audio = MemoryMarshal.Cast<byte, float>(_audio.AsSpan(0, _length * sizeof(float)));
        int cut = from + QuietestPoint.Find(audio[from..to]);
        _fixed.AddRange(Decode(_windowStart, cut, _prefix.Committed, []));
        _windowStart = cut;
        _prefix.Clear();
    }

    private List<ScoredToken> Decode(int start, int end, IReadOnlyList<ScoredToken> forced, IReadOnlyList<ScoredToken> draft)
    {
        if (end - start < MoonshineModel.MinimumSamples)
        {
            return [];
        }

        using var encoded = _model.Encode(_audio.AsMemory(start * sizeof(float), (end - start) * sizeof(float)));
        return _decoder.Decode(encoded[0], MoonshineModel.MaxTokensFor(end - start), forced, draft);
    }

    private RecognitionResult Build(List<ScoredToken> decode, int stableIds)
    {
        int[] ids = [.. decode.Select(t => t.Id)];
        var spans = _model.Vocabulary.Split(ids);
        var times = ProportionalTimestamps.Spread([.. spans.Select(s => s.Text.Trim().Length)], BufferedSeconds);
        var tokens = new RecognizedToken[spans.Count];
        int stable = 0;
        for (int i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            float confidence = 1f;
            for (int j = span.First; j < span.First + span.Count; j++)
            {
                confidence = Math.Min(confidence, decode[j].Probability);
            }

            tokens[i] = new RecognizedToken(span.Text, times[i].Start, times[i].End, confidence);
            if (span.First + span.Count <= stableIds)
            {
                stable = i + 1;
            }
        }

        return new RecognitionResult(string.Concat(spans.Select(s => s.Text)).Trim(), tokens) { StableTokenCount = stable };
    }
}
