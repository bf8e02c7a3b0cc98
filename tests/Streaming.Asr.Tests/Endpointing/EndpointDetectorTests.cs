using Streaming.Asr.Endpointing;

namespace Streaming.Asr.Tests.Endpointing;

public sealed class EndpointDetectorTests
{
    private static readonly EndpointDetector Detector = new(new EndpointOptions
    {
        NoSpeechTimeoutMs = 2_400,
        MaxTrailingSilenceMs = 800,
        MaxUtteranceMs = 10_000,
    });

    [Fact]
    public void Rule1_long_silence_with_nothing_decoded_ends_the_utterance()
    {
        Assert.Equal(EndpointRule.None, Detector.Check(2.3, anythingDecoded: false, trailingSilenceSeconds: 2.3));
        Assert.Equal(EndpointRule.NoSpeech, Detector.Check(2.4, anythingDecoded: false, trailingSilenceSeconds: 2.4));
    }

    [Fact]
    public void Rule2_shorter_trailing_silence_after_speech_ends_the_utterance()
    {
        Assert.Equal(EndpointRule.None, Detector.Check(3.0, anythingDecoded: true, trailingSilenceSeconds: 0.79));
        Assert.Equal(EndpointRule.TrailingSilence, Detector.Check(3.0, anythingDecoded: true, trailingSilenceSeconds: 0.8));
    }

    [Fact]
    public void Rule2_does_not_apply_before_anything_is_decoded()
    {
        Assert.Equal(EndpointRule.None, Detector.Check(1.5, anythingDecoded: false, trailingSilenceSeconds: 1.5));
    }

    [Fact]
    public void Rule3_maximum_length_ends_even_continuous_speech()
    {
        Assert.Equal(EndpointRule.None, Detector.Check(9.99, anythingDecoded: true, trailingSilenceSeconds: 0));
        Assert.Equal(EndpointRule.MaxUtterance, Detector.Check(10.0, anythingDecoded: true, trailingSilenceSeconds: 0));
        Assert.Equal(EndpointRule.MaxUtterance, Detector.Check(10.0, anythingDecoded: true, trailingSilenceSeconds: 5));
    }

    [Fact]
    public void Trailing_silence_of_a_hypothesis_is_the_audio_after_its_last_token()
    {
        var hypothesis = new RecognitionResult(" hello there", [new(" hello", 0.2, 0.6, 0.9f), new(" there", 0.6, 1.0, 0.9f)]);
        Assert.Equal(EndpointRule.None, Detector.Check(hypothesis, 1.7));
        Assert.Equal(EndpointRule.TrailingSilence, Detector.Check(hypothesis, 1.85));
        Assert.Equal(EndpointRule.None, Detector.Check(RecognitionResult.Empty, 2.0));
        Assert.Equal(EndpointRule.NoSpeech, Detector.Check(RecognitionResult.Empty, 2.5));
    }

    [Fact]
    public void Trailing_silence_ends_where_the_decoder_stands_when_it_lags_the_audio()
    {
        // A transducer has decoded 1.3 s of 2.0 s received: 0.3 s of blank frames, not 1.0 s of silence.
        var tokens = new RecognizedToken[] { new("n", 0.96, 1.0, 0.9f) };
        Assert.Equal(EndpointRule.None, Detector.Check(new RecognitionResult("n", tokens) { DecodedSeconds = 1.3 }, 2.0));
        Assert.Equal(EndpointRule.TrailingSilence, Detector.Check(new RecognitionResult("n", tokens) { DecodedSeconds = 1.8 }, 2.0));
        Assert.Equal(EndpointRule.NoSpeech, Detector.Check(RecognitionResult.Empty with { DecodedSeconds = 2.4 }, 3.0));
        Assert.Equal(EndpointRule.None, Detector.Check(RecognitionResult.Empty with { DecodedSeconds = 2.3 }, 3.0));
    }

    [Theory]
    [InlineData(50, 500, 20_000, "NoSpeechTimeoutMs")]
    [InlineData(2_400, 20, 20_000, "MaxTrailingSilenceMs")]
    [InlineData(2_400, 500, 500, "MaxUtteranceMs")]
    public void Out_of_range_settings_are_refused_by_name(int noSpeech, int trailing, int maxUtterance, string name)
    {
        var options = new EndpointOptions { NoSpeechTimeoutMs = noSpeech, MaxTrailingSilenceMs = trailing, MaxUtteranceMs = maxUtterance };
        var ex = Assert.Throws<ArgumentException>(() => new EndpointDetector(options));
        Assert.Contains(name, ex.Message);
    }

    [Fact]
    public void Cut_search_longer_than_half_the_utterance_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new EndpointOptions { MaxUtteranceMs = 3_000, CutSearchMs = 2_000 }.Validate());
        Assert.Contains("CutSearchMs", ex.Message);
    }

    [Fact]
    public void Session_overrides_replace_only_the_given_values()
    {
        var server = new EndpointOptions { NoSpeechTimeoutMs = 3_000, MaxTrailingSilenceMs = 600, MaxUtteranceMs = 15_000 };
        var session = server.With(maxTrailingSilenceMs: 1_000, maxUtteranceMs: null);
        Assert.Equal((3_000, 1_000, 15_000), (session.NoSpeechTimeoutMs, session.MaxTrailingSilenceMs, session.MaxUtteranceMs));
    }
}
