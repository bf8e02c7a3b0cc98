namespace Streaming.Asr.Endpointing;

/// <summary>Which rule of <see cref="EndpointDetector"/> ended an utterance.</summary>
public enum EndpointRule
{
    /// <summary>No rule fired: the utterance goes on.</summary>
    None,

    /// <summary>Rule 1: long silence and nothing recognised.</summary>
    NoSpeech,

    /// <summary>Rule 2: trailing silence after recognised speech.</summary>
    TrailingSilence,

    /// <summary>Rule 3: the utterance reached its maximum length.</summary>
    MaxUtterance,
}
