namespace Streaming.Asr.Endpointing;

/// <summary>
/// Decides whether an utterance has ended from what the decoder has seen: how long it is, whether any
/// token was recognised and how long the audio has been silent (blank) since the last token. Rules are
/// checked in order of precedence: maximum length, then trailing silence after speech, then the longer
/// no-speech timeout. Pure logic: one instance can serve any number of streams.
/// </summary>
public sealed class EndpointDetector
{
    private readonly double _noSpeechTimeout;
    private readonly double _trailingSilence;
    private readonly double _maxUtterance;

    /// <summary>Creates a detector; <paramref name="options"/> is validated.</summary>
    public EndpointDetector(EndpointOptions options)
    {
        options.Validate();
        _noSpeechTimeout = options.NoSpeechTimeoutMs / 1000.0;
        _trailingSilence = options.MaxTrailingSilenceMs / 1000.0;
        _maxUtterance = options.MaxUtteranceMs / 1000.0;
    }

    /// <summary>Returns the rule that ends the utterance now, or <see cref="EndpointRule.None"/>.</summary>
    /// <param name="utteranceSeconds">Audio of the utterance so far.</param>
    /// <param name="anythingDecoded">Whether the utterance has produced at least one token.</param>
    /// <param name="trailingSilenceSeconds">Audio since the last token (the whole utterance if none).</param>
    public EndpointRule Check(double utteranceSeconds, bool anythingDecoded, double trailingSilenceSeconds)
    {
        if (utteranceSeconds >= _maxUtterance)
        {
            return EndpointRule.MaxUtterance;
        }

        if (anythingDecoded && trailingSilenceSeconds >= _trailingSilence)
        {
            return EndpointRule.TrailingSilence;
        }

        return !anythingDecoded && trailingSilenceSeconds >= _noSpeechTimeout ? EndpointRule.NoSpeech : EndpointRule.None;
    }

    /// <summary>
    /// Applies <see cref="Check(double, bool, double)"/> to a hypothesis whose token times are relative to the utterance start:
    /// the trailing silence is the decoded audio after the last token's end (blank frames, for a transducer), not
    /// audio the decoder has not reached yet.
    /// </summary>
    public EndpointRule Check(RecognitionResult hypothesis, double utteranceSeconds)
    {
        var tokens = hypothesis.Tokens;
        var lastEnd = tokens.Count == 0 ? 0 : tokens[^1].End;
        var decoded = Math.Min(utteranceSeconds, hypothesis.DecodedSeconds ?? utteranceSeconds);
        return Check(utteranceSeconds, tokens.Count > 0, Math.Max(0, decoded - lastEnd));
    }
}
