namespace Streaming.Text.English;

/// <summary>One class of rewrite tried at each token of English text.</summary>
internal interface IEnglishRule
{
    /// <summary>The class this rule writes, used for toggles and spans.</summary>
    ItnClass Class { get; }

    /// <summary>Tokens matched at <paramref name="i"/> (0 for none) and their written form.</summary>
    int Match(EnglishTokens t, int i, ItnOptions options, out string written);
}
