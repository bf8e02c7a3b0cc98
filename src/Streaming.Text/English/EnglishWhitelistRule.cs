namespace Streaming.Text.English;

/// <summary>Fixed phrases with a conventional written form ("doctor" → dr., "for example" → e.g.).</summary>
internal sealed class EnglishWhitelistRule(EnglishLexicon lexicon) : IEnglishRule
{
    public ItnClass Class => ItnClass.Whitelist;

    public int Match(EnglishTokens t, int i, ItnOptions options, out string written) => lexicon.Whitelist.Match(t, i, out written);
}
