namespace Streaming.Text.Chinese;

/// <summary>Fixed phrases with a conventional written form, from the whitelist table.</summary>
internal sealed class ChineseWhitelistRule(ChineseLexicon lexicon) : IChineseRule
{
    public ItnClass Class => ItnClass.Whitelist;

    public int Match(string s, int pos, ItnOptions options, out string written) => lexicon.Whitelist.Match(s, pos, out written);
}
