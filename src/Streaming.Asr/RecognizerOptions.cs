using Streaming.Asr.Text.Pinyin;

namespace Streaming.Asr;

/// <summary>Options applied when loading a recognition model.</summary>
public sealed class RecognizerOptions
{
    /// <summary>Name of greedy search, the default decoding method.</summary>
    public const string GreedySearch = "greedy_search";

    /// <summary>Name of beam search (modified beam search for transducers, plain beam search for Moonshine).</summary>
    public const string ModifiedBeamSearch = "modified_beam_search";

    /// <summary><see cref="GreedySearch"/> or <see cref="ModifiedBeamSearch"/>.</summary>
    public string DecodingMethod { get; set; } = GreedySearch;

    /// <summary>Number of hypotheses kept by modified beam search.</summary>
    public int BeamSize { get; set; } = 4;

    /// <summary>Default hotword bonus per matched token (log-probability units) for phrases without their own boost.</summary>
    public float HotwordBoost { get; set; } = 3f;

    /// <summary>Default keyword-spotting bonus per matched token (log-probability units) for keywords without their own boost.</summary>
    public float KeywordBoost { get; set; } = 1f;

    /// <summary>
    /// Default trigger threshold on a keyword's average token probability, in (0, 1], for keywords without their own:
    /// higher misses more keywords, lower gives more false alarms.
    /// </summary>
    public float KeywordThreshold { get; set; } = 0.25f;

    /// <summary>How a model whose tokens are pinyin converts them to characters (converters, table caches).</summary>
    public PinyinConverterOptions Pinyin { get; set; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> when an option is out of range.</summary>
    public void Validate()
    {
        if (DecodingMethod is not (GreedySearch or ModifiedBeamSearch))
        {
            throw new ArgumentException(
                $"DecodingMethod must be '{GreedySearch}' or '{ModifiedBeamSearch}', got '{DecodingMethod}'.");
        }

        if (!float.IsFinite(HotwordBoost) || HotwordBoost <= 0 || HotwordBoost > 100)
        {
            throw new ArgumentException($"HotwordBoost must be in (0, 100], got {HotwordBoost}.");
        }

        if (!float.IsFinite(KeywordBoost) || KeywordBoost <= 0 || KeywordBoost > 100)
        {
            throw new ArgumentException($"KeywordBoost must be in (0, 100], got {KeywordBoost}.");
        }

        if (!float.IsFinite(KeywordThreshold) || KeywordThreshold <= 0 || KeywordThreshold > 1)
        {
            throw new ArgumentException($"KeywordThreshold must be in (0, 1], got {KeywordThreshold}.");
        }

        if (BeamSize < 1)
        {
            throw new ArgumentException($"BeamSize must be at least 1, got {BeamSize}.");
        }

        if (Pinyin.MaxConverters < 1 || Pinyin.TableCacheMiB < 0)
        {
            throw new ArgumentException(
                $"Pinyin.MaxConverters must be at least 1 and Pinyin.TableCacheMiB at least 0, got {Pinyin.MaxConverters} and {Pinyin.TableCacheMiB}.");
        }
    }
}
