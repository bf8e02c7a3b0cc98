using System.Text;

namespace Streaming.Text.Chinese;

/// <summary>IPv4 addresses said as four digit groups joined by 点: 幺二七点零点零点幺 → 127.0.0.1.</summary>
internal sealed class ChineseIpAddressRule : IChineseRule
{
    public ItnClass Class => ItnClass.Electronic;

    public int Match(string s, int pos, ItnOptions options, out string written)
    {
        written = "";
        var sb = new StringBuilder(15);
        var p = pos;
        for (var group = 0; group < 4; group++)
        {
            if (group > 0)
            {
                if (p >= s.Length || !ChineseNumerals.IsPoint(s[p]))
                {
                    return 0;
                }

                sb.Append('.');
                p++;
            }

            var length = ChineseSpelledDigits.RunLength(s, p);
            if (length is 0 or > 3)
            {
                return 0;
            }

            sb.Append(ChineseSpelledDigits.ToDigits(s, p, length));
            p += length;
        }

        written = sb.ToString();
        return p - pos;
    }
}
