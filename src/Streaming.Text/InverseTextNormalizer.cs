namespace Streaming.Text;

/// <summary>Creates the normaliser for a language code.</summary>
public static class InverseTextNormalizer
{
    private static readonly Lazy<EnglishInverseTextNormalizer> English = new(() => new EnglishInverseTextNormalizer());
    private static readonly Lazy<ChineseInverseTextNormalizer>[] Chinese = [.. Enum.GetValues<ItnStyle>().Select(style => new Lazy<ChineseInverseTextNormalizer>(() => new ChineseInverseTextNormalizer(style)))];
    private static readonly Lazy<MixedInverseTextNormalizer>[] Mixed = [.. Enum.GetValues<ItnStyle>().Select(style => new Lazy<MixedInverseTextNormalizer>(() => new MixedInverseTextNormalizer(Chinese[(int)style].Value, English.Value)))];

    /// <summary>
    /// The shared normaliser for <paramref name="language"/>: "zh", "en", or "auto"/"mixed" for text
    /// that mixes Chinese and English. Chinese output defaults to <paramref name="style"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The language is not supported.</exception>
    public static IInverseTextNormalizer For(string language, ItnStyle style = ItnStyle.Caption)
    {
        ArgumentNullException.ThrowIfNull(language);
        return language.Trim().ToLowerInvariant() switch
        {
            "zh" or "zh-cn" or "cmn" or "chinese" => Chinese[(int)style].Value,
            "en" or "en-us" or "english" => English.Value,
            "auto" or "mixed" or "zh-en" => Mixed[(int)style].Value,
            _ => throw new ArgumentException($"Unsupported ITN language '{language}'; expected zh, en or auto.", nameof(language)),
        };
    }
}
