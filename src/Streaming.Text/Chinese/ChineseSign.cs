namespace Streaming.Text.Chinese;

/// <summary>Reads a spoken sign before a number: 负 and 零下 → '-', 正负 → '±'.</summary>
internal static class ChineseSign
{
    /// <summary>Characters of the sign at <paramref name="pos"/> (0 if none) and its symbol.</summary>
    public static int Read(string s, int pos, out string symbol)
    {
        if (pos + 1 < s.Length && s[pos] == '正' && s[pos + 1] == '负')
        {
            symbol = "±";
            return 2;
        }

        if (pos + 1 < s.Length && s[pos] == '零' && s[pos + 1] == '下')
        {
            symbol = "-";
            return 2;
        }

        if (pos < s.Length && s[pos] == '负')
        {
            symbol = "-";
            return 1;
        }

        symbol = "";
        return 0;
    }
}
