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

    /// <summary>
    /// Recognisers to load, by folder name under the models folder (or absolute path); empty loads every
    /// recogniser of <c>models/manifest.json</c> whose files are present. Each is loaded once per device and
    /// shared by every session that uses it.
    /// </summary>
    public List<string> Models { get; set; } = [];

    /// <summary>
    /// The model serving each language when a session names none: <c>Engine:DefaultModel:en</c>,
    /// <c>Engine:DefaultModel:zh</c>. A language without an entry (or whose entry is not loaded) uses its first loaded model.
    /// </summary>
    public Dictionary<string, string> DefaultModel { get; set; } = new()
    {
        ["en"] = "moonshine-base-en",
        ["zh"] = "zipformer-wenetspeech-zh",
    };

    /// <summary>The language of sessions that ask for <c>auto</c> (or for none) and name no model.</summary>
    [RegularExpression("^(zh|en)$", ErrorMessage = "DefaultLanguage must be zh or en.")]
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>
    /// Languages of models the manifest does not describe (dropped-in folders), by model name: <c>zh</c>,
    /// <c>en</c> or both comma-separated. Bundled models declare theirs in <c>models/manifest.json</c>.
    /// </summary>
    public Dictionary<string, string> ModelLanguages { get; set; } = [];

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

    /// <summary>
    /// Global keyword list file (one keyword a line as people write it, optional <c> :BOOST</c> and
    /// <c> #THRESHOLD</c>, or <c>tokens @phrase</c>), spotted in every session besides its own list and re-read when
    /// it changes; null for none. See docs/keyword-delivery.md.
    /// </summary>
    public string? KeywordsFile { get; set; }

    /// <summary>
    /// Most libpinyin converters a pinyin model keeps, so most pinyin → 汉字 conversions at once; 0 = one per core.
    /// Each holds its own dictionaries and table caches (see <see cref="PinyinTableCacheMiB"/>).
    /// </summary>
    [Range(0, 1024)]
    public int PinyinConverters { get; set; }

    /// <summary><see cref="PinyinConverters"/> with 0 resolved to the processor count.</summary>
    public int EffectivePinyinConverters => PinyinConverters == 0 ? Environment.ProcessorCount : PinyinConverters;

    /// <summary>
    /// Largest page cache, in MiB, each of libpinyin's read-only tables gets per converter (native/pinyin-cache); 0 keeps
    /// Berkeley DB's 256 KiB default, which costs about twice the conversion CPU.
    /// </summary>
    [Range(0, 4096)]
    public int PinyinTableCacheMiB { get; set; } = 64;

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
