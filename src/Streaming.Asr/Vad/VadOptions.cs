using System.ComponentModel.DataAnnotations;

namespace Streaming.Asr.Vad;

/// <summary>
/// Settings that turn Silero speech probabilities into speech segments.
/// Bound from configuration section <c>Vad</c>; validated at start-up through <see cref="Validate"/>.
/// </summary>
public sealed class VadOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Vad";

    /// <summary>Path of <c>silero_vad.onnx</c>; null means the bundled <c>models/vad/silero_vad.onnx</c>.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Probability at or above which a window counts as speech (hysteresis upper bound).</summary>
    [Range(0.05, 0.99)]
    public float Threshold { get; set; } = 0.5f;

    /// <summary>
    /// Probability below which a window counts as silence while in speech (hysteresis lower bound);
    /// null means <see cref="Threshold"/> − 0.15, Silero's recommendation.
    /// </summary>
    public float? NegativeThreshold { get; set; }

    /// <summary>Speech shorter than this is discarded (clicks, coughs).</summary>
    [Range(0, 10_000)]
    public int MinSpeechMs { get; set; } = 250;

    /// <summary>Silence that must follow speech before the segment ends.</summary>
    [Range(0, 10_000)]
    public int MinSilenceMs { get; set; } = 500;

    /// <summary>Audio kept on each side of a segment so word edges are not clipped.</summary>
    [Range(0, 2_000)]
    public int SpeechPadMs { get; set; } = 200;

    /// <summary>The largest <see cref="MaxSpeechMs"/> allowed.</summary>
    public const int MaxSpeechLimitMs = 600_000;

    /// <summary>A segment is cut at this length even without silence, so downstream models see bounded input.</summary>
    [Range(1_000, MaxSpeechLimitMs)]
    public int MaxSpeechMs { get; set; } = 20_000;

    /// <summary>The lower hysteresis bound actually used.</summary>
    public float EffectiveNegativeThreshold => NegativeThreshold ?? Math.Max(0.01f, Threshold - 0.15f);

    /// <summary>
    /// A copy for one session whose segments end after <paramref name="minSilenceMs"/> of silence and are
    /// cut no earlier than <paramref name="atLeastMaxSpeechMs"/> (so a finer cut downstream comes first).
    /// </summary>
    public VadOptions ForSession(int minSilenceMs, int atLeastMaxSpeechMs)
    {
        var copy = (VadOptions)MemberwiseClone();
        copy.MinSilenceMs = minSilenceMs;
        copy.MaxSpeechMs = Math.Max(MaxSpeechMs, atLeastMaxSpeechMs);
        return copy;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new ArgumentException($"Invalid VAD options: {results[0].ErrorMessage}");
        }

        if (EffectiveNegativeThreshold >= Threshold)
        {
            throw new ArgumentException(
                $"Invalid VAD options: NegativeThreshold ({EffectiveNegativeThreshold}) must be below Threshold ({Threshold}).");
        }
    }
}
