using System.ComponentModel.DataAnnotations;

namespace Streaming.Asr.Endpointing;

/// <summary>
/// When an utterance ends (sherpa-onnx / WeNet style rules). Bound from configuration section
/// <c>Endpoint</c>, validated at start-up through <see cref="Validate"/>; a session may override
/// <see cref="MaxTrailingSilenceMs"/> and <see cref="MaxUtteranceMs"/>.
/// </summary>
public sealed class EndpointOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Endpoint";

    /// <summary>Rule 1: silence (ms) after which an utterance in which nothing was recognised is dropped.</summary>
    [Range(100, 60_000)]
    public int NoSpeechTimeoutMs { get; set; } = 2_400;

    /// <summary>Rule 2: silence (ms) after recognised speech that ends the utterance.</summary>
    [Range(100, 10_000)]
    public int MaxTrailingSilenceMs { get; set; } = 500;

    /// <summary>Rule 3: an utterance is cut into finals at this length (ms) even without silence.</summary>
    [Range(2_000, 300_000)]
    public int MaxUtteranceMs { get; set; } = 20_000;

    /// <summary>
    /// How far back (ms) from the maximum length a forced cut may move to land on the quietest point,
    /// so it falls between words rather than inside one.
    /// </summary>
    [Range(0, 5_000)]
    public int CutSearchMs { get; set; } = 1_000;

    /// <summary>A copy with the session's overrides applied (null keeps this value); not validated.</summary>
    public EndpointOptions With(int? maxTrailingSilenceMs, int? maxUtteranceMs) => new()
    {
        NoSpeechTimeoutMs = NoSpeechTimeoutMs,
        MaxTrailingSilenceMs = maxTrailingSilenceMs ?? MaxTrailingSilenceMs,
        MaxUtteranceMs = maxUtteranceMs ?? MaxUtteranceMs,
        CutSearchMs = CutSearchMs,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new ArgumentException($"Invalid endpoint options: {results[0].ErrorMessage}");
        }

        if (CutSearchMs * 2 > MaxUtteranceMs)
        {
            throw new ArgumentException(
                $"Invalid endpoint options: CutSearchMs ({CutSearchMs}) must be at most half of MaxUtteranceMs ({MaxUtteranceMs}).");
        }
    }
}
