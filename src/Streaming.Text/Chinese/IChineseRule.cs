namespace Streaming.Text.Chinese;

/// <summary>One class of rewrite tried at each position of Chinese text.</summary>
internal interface IChineseRule
{
    /// <summary>The class this rule writes, used for toggles and spans.</summary>
    ItnClass Class { get; }

    /// <summary>Characters matched at <paramref name="pos"/> (0 for none) and their written form.</summary>
    int Match(string s, int pos, ItnOptions options, out string written);
}
