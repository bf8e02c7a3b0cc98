using System.ComponentModel.DataAnnotations;

namespace Streaming.Text.Hotwords;

/// <summary>Settings of <see cref="HotwordRescorer"/>; bound from configuration section <c>Hotwords</c>.</summary>
public sealed class HotwordRescoreOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Hotwords";

    /// <summary>
    /// Least sound similarity (0–1, averaged over the hotword's words and CJK characters) for a span of a final
    /// to be rewritten as the hotword. Lower corrects more, and risks rewriting words that merely sound alike.
    /// </summary>
    [Range(0.5, 1.0)]
    public double Threshold { get; set; } = 0.8;

    /// <summary>Whether finals are re-scored at all (hits are reported either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new ArgumentException($"Invalid hotword options: {results[0].ErrorMessage}");
        }
    }
}
