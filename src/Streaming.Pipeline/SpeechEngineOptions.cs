using System.ComponentModel.DataAnnotations;

namespace Streaming.Pipeline;

/// <summary>
/// Which models the engine loads and how. Bound from configuration section <c>Engine</c>; the defaults
/// are the bundled models, so a fresh clone runs with no configuration.
/// </summary>
public sealed class SpeechEngineOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Engine";

    /// <summary>Models folder; null finds the bundled one (see <see cref="Streaming.Asr.ModelDirectory"/>).</summary>
    public string? ModelsDirectory { get; set; }

    /// <summary>Recogniser folder under the models folder, or an absolute path; empty means VAD only.</summary>
    public string Recognizer { get; set; } = "moonshine-tiny-en";

    /// <summary>Language of the recogniser's output, which picks the ITN grammar.</summary>
    [RegularExpression("^(zh|en|auto)$", ErrorMessage = "Language must be zh, en or auto.")]
    public string Language { get; set; } = "en";

    /// <summary>Written style of Chinese ITN for sessions and jobs that name none: "caption" (2025年3月5日, 350元) or "wetext".</summary>
    [RegularExpression("^(?i)(caption|wetext)$", ErrorMessage = "ItnStyle must be caption or wetext.")]
    public string ItnStyle { get; set; } = "caption";

    /// <summary>"greedy_search" or "modified_beam_search" (beam search; sessions with hotwords always use it).</summary>
    [RegularExpression("^(greedy_search|modified_beam_search)$", ErrorMessage = "DecodingMethod must be greedy_search or modified_beam_search.")]
    public string DecodingMethod { get; set; } = "greedy_search";

    /// <summary>Beam size for beam search.</summary>
    [Range(1, 64)]
    public int BeamSize { get; set; } = 4;

    /// <summary>
    /// Global hotword list file (one phrase a line, optional <c> :BOOST</c>), merged into every session's list and
    /// re-read when it changes; null for none.
    /// </summary>
    public string? HotwordsFile { get; set; }

    /// <summary>Bonus per matched hotword token (log-probability units) for phrases without their own boost.</summary>
    [Range(0.1, 20.0)]
    public float HotwordBoost { get; set; } = 3f;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new ArgumentException($"Invalid engine options: {results[0].ErrorMessage}");
        }
    }
}
