namespace Streaming.Text;

/// <summary>The written conventions a normaliser follows (Chinese only; English has one style).</summary>
public enum ItnStyle
{
    /// <summary>
    /// What a Chinese caption reader expects: 2025年3月5日, 上午10:30, 350元, 1.5亿元, 2300萬. See docs/itn-zh.md.
    /// </summary>
    Caption,

    /// <summary>The conventions of the WeTextProcessing test files: 2025/03/05, 10:30a.m., ¥350.</summary>
    WeText,
}

/// <summary>Names of <see cref="ItnStyle"/> as clients and configuration spell them.</summary>
public static class ItnStyles
{
    /// <summary>The accepted names, for error messages and help text.</summary>
    public const string Names = "caption or wetext";

    /// <summary>Reads <c>caption</c> or <c>wetext</c> (any case).</summary>
    /// <exception cref="ArgumentException">The name is not a style.</exception>
    public static ItnStyle Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "caption" => ItnStyle.Caption,
            "wetext" => ItnStyle.WeText,
            _ => throw new ArgumentException($"Unknown ITN style '{name}'; expected {Names}."),
        };
    }

    /// <summary>The name of <paramref name="style"/> as <see cref="Parse"/> reads it.</summary>
    public static string Name(this ItnStyle style) => style == ItnStyle.WeText ? "wetext" : "caption";
}
