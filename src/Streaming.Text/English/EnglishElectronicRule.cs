using System.Text;

namespace Streaming.Text.English;

/// <summary>
/// E-mail addresses, URLs and IPv4 addresses spelt out: "a dot b c at g mail dot com" → a.bc@gmail.com,
/// "h t t p colon slash slash w w w dot …" → http://www…, "one two three dot …" → 123.….
/// </summary>
internal sealed class EnglishElectronicRule(EnglishNumberReader reader) : IEnglishRule
{
    public ItnClass Class => ItnClass.Electronic;

    private const int MaxAddressWords = 64;

    public int Match(EnglishTokens t, int i, ItnOptions options, out string written)
    {
        // Every form needs a spoken "dot" (or the "colon" of a scheme) ahead; skip the work otherwise.
        if (!HasSeparatorAhead(t, i))
        {
            written = "";
            return 0;
        }

        var best = MatchIp(t, i, out written);
        if (MatchEmail(t, i, out var email) is var e && e > best)
        {
            best = e;
            written = email;
        }

        if (MatchUrl(t, i, out var url) is var u && u > best)
        {
            best = u;
            written = url;
        }

        return best;
    }

    private static bool HasSeparatorAhead(EnglishTokens t, int i)
    {
        for (var p = i; p < t.Count && p - i < MaxAddressWords; p++)
        {
            if (t[p] is "dot" or "colon")
            {
                return true;
            }
        }

        return false;
    }

    private int MatchEmail(EnglishTokens t, int i, out string written)
    {
        written = "";
        var sb = new StringBuilder();
        var p = i;
        if (IsWord(t, p) && t[p + 1] == "at")
        {
            sb.Append(t[p]);
            p++;
        }
        else
        {
            while (p < t.Count && t[p] != "at")
            {
                if (Connector(t[p]) is { } c && sb.Length > 0 && p + 1 < t.Count && t[p + 1] != "at")
                {
                    sb.Append(c);
                }
                else if (SpelledChar(t, p) is { } ch)
                {
                    sb.Append(ch);
                }
                else
                {
                    return 0;
                }

                p++;
            }
        }

        if (sb.Length == 0 || t[p] != "at")
        {
            return 0;
        }

        sb.Append('@');
        var domain = ReadHost(t, p + 1, sb, requireDot: true);
        if (domain == 0)
        {
            return 0;
        }

        written = sb.ToString();
        return p + 1 + domain - i;
    }

    private int MatchUrl(EnglishTokens t, int i, out string written)
    {
        written = "";
        var sb = new StringBuilder();
        var p = i;
        var scheme = t.Words[i..].StartsWith(["h", "t", "t", "p"]) ? 4 : 0;
        if (scheme > 0)
        {
            sb.Append("http");
            if (t[p + 4] == "s")
            {
                sb.Append('s');
                scheme++;
            }

            if (t[p + scheme] != "colon" || t[p + scheme + 1] != "slash" || t[p + scheme + 2] != "slash")
            {
                return 0;
            }

            sb.Append("://");
            p += scheme + 3;
        }

        var host = ReadHost(t, p, sb, requireDot: scheme == 0);
        if (host == 0)
        {
            return 0;
        }

        p += host;
        while (t[p] == "slash" && ReadLabel(t, p + 1, sb.Append('/')) is var label and > 0)
        {
            p += 1 + label;
        }

        if (sb[^1] == '/')
        {
            sb.Length--;
        }

        written = sb.ToString();
        return p - i;
    }

    private int MatchIp(EnglishTokens t, int i, out string written)
    {
        written = "";
        var sb = new StringBuilder(15);
        var p = i;
        for (var group = 0; group < 4; group++)
        {
            if (group > 0)
            {
                if (t[p] != "dot")
                {
                    return 0;
                }

                sb.Append('.');
                p++;
            }

            var digits = new StringBuilder(3);
            var spelled = reader.Digits(t, p, digits);
            var pair = reader.HundredsPair(t, p);
            var cardinal = reader.Cardinal(t, p);
            if (pair.Count > spelled && pair.Count >= cardinal.Count)
            {
                sb.Append(pair.Written);
                p += pair.Count;
            }
            else if (cardinal.Count > spelled && cardinal.Value <= 255)
            {
                sb.Append(cardinal.Written);
                p += cardinal.Count;
            }
            else if (spelled > 0 && digits.Length <= 3)
            {
                sb.Append(digits);
                p += spelled;
            }
            else
            {
                return 0;
            }
        }

        written = sb.ToString();
        return p - i;
    }

    // Host: label (dot label)*; with requireDot at least one dot.
    private int ReadHost(EnglishTokens t, int p, StringBuilder sb, bool requireDot)
    {
        var start = p;
        if (t[p] == "w" && t[p + 1] == "w" && t[p + 2] == "w" && t[p + 3] == "dot")
        {
            sb.Append("www.");
            p += 4;
        }

        var label = ReadLabel(t, p, sb);
        if (label == 0)
        {
            return 0;
        }

        p += label;
        var dots = 0;
        while (t[p] == "dot")
        {
            var mark = sb.Length;
            var next = ReadLabel(t, p + 1, sb.Append('.'));
            if (next == 0)
            {
                sb.Length = mark;
                break;
            }

            p += 1 + next;
            dots++;
        }

        return requireDot && dots == 0 ? 0 : p - start;
    }

    // A label: one word, or spelt letters/digits optionally closed by one word ("g mail", "n vidia").
    private int ReadLabel(EnglishTokens t, int p, StringBuilder sb)
    {
        if (IsWord(t, p))
        {
            sb.Append(t[p]);
            return 1;
        }

        var start = p;
        while (SpelledChar(t, p) is { } c)
        {
            sb.Append(c);
            p++;
        }

        if (p > start && IsWord(t, p))
        {
            sb.Append(t[p]);
            p++;
        }

        return p - start;
    }

    private char? SpelledChar(EnglishTokens t, int p)
    {
        if (t.IsLetter(p))
        {
            return t[p][0];
        }

        var d = t[p] is "o" or "oh" ? -1 : reader.Lexicon.DigitValue(t[p]);
        return d >= 0 ? (char)('0' + d) : null;
    }

    private bool IsWord(EnglishTokens t, int p) =>
        p < t.Count && t[p].Length > 1 && t[p].All(char.IsAsciiLetterLower) && Connector(t[p]) is null
        && t[p] is not ("at" or "slash" or "colon") && reader.Lexicon.DigitValue(t[p]) < 0;

    private static char? Connector(string word) => word switch
    {
        "dot" => '.',
        "hyphen" or "dash" => '-',
        "underscore" => '_',
        _ => null,
    };
}
