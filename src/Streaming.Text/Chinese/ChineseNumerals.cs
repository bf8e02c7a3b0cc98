namespace Streaming.Text.Chinese;

/// <summary>
/// Character classes of spoken Chinese numerals, simplified and traditional (兩 萬 億 點) and the
/// financial forms of both scripts (贰/貳, 叁/參, 陆/陸).
/// </summary>
internal static class ChineseNumerals
{
    /// <summary>Digit value of a character usable in a cardinal (零…九, 两, financial forms), or -1.</summary>
    public static int Digit(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' or '壹' => 1,
        '二' or '贰' or '貳' or '两' or '兩' => 2,
        '三' or '叁' or '參' or '叄' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' or '陸' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    /// <summary>
    /// Digit value of a character read digit by digit (phone numbers, years, codes). Adds the radio
    /// forms 幺 (1), 洞 (0) and 拐 (7), which never occur inside a cardinal.
    /// </summary>
    public static int SpelledDigit(char c) => c switch
    {
        '幺' => 1,
        '洞' => 0,
        '拐' => 7,
        _ => Digit(c),
    };

    /// <summary>Value of 十/百/千 (and financial forms), or 0.</summary>
    public static int Multiplier(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        _ => 0,
    };

    /// <summary>Power of ten of 万/亿/兆, or 0.</summary>
    public static int BigUnitExponent(char c) => c switch
    {
        '万' or '萬' => 4,
        '亿' or '億' => 8,
        '兆' => 12,
        _ => 0,
    };

    /// <summary>Whether <paramref name="c"/> is the decimal point or o'clock word 点 (點).</summary>
    public static bool IsPoint(char c) => c is '点' or '點';

    /// <summary>Whether <paramref name="c"/> is the weight unit or counting word 两 (兩).</summary>
    public static bool IsLiang(char c) => c is '两' or '兩';

    /// <summary>Whether <paramref name="c"/> can start or continue a spoken number.</summary>
    public static bool IsNumeral(char c) => SpelledDigit(c) >= 0 || Multiplier(c) > 0 || BigUnitExponent(c) > 0;
}
