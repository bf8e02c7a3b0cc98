namespace Streaming.Text.Hotwords;

/// <summary>
/// How alike two units sound, from 0 to 1. CJK characters: 1 if equal, 0.9 if they share a toneless
/// reading, 0.7 if the readings differ only in a commonly confused initial or final (zh/z, n/l, an/ang…).
/// Acronyms (an upper-case hotword unit of up to 6 letters against a word of the same length) are compared
/// letter by letter, letters whose names rhyme (E/T, M/N) counting 0.6. Other words: the better of the
/// spelling and a rough sound-key edit similarity.
/// </summary>
internal static class UnitSimilarity
{
    // Letter names grouped by vowel sound: "ee" (B C D E G P T V Z), "eh" (F L M N S X), "ay" (A H J K), "eye" (I Y), "you" (Q U W).
    private static readonly string[] RhymingLetters = ["BCDEGPTVZ", "FLMNSX", "AHJK", "IY", "QUW"];

    private static readonly (string, string)[] ConfusedInitials = [("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("f", "h"), ("r", "l")];

    private static readonly (string, string)[] ConfusedFinals = [("ang", "an"), ("eng", "en"), ("ing", "in"), ("ong", "on")];

    public static double Of(TextUnit hotword, TextUnit text)
    {
        if (hotword.IsCjk != text.IsCjk)
        {
            return 0;
        }

        if (hotword.Matches(text))
        {
            return 1;
        }

        return hotword.IsCjk ? Characters(hotword.Text[0], text.Text[0]) : Words(hotword.Text, text.Text);
    }

    private static double Characters(char a, char b)
    {
        if (Pinyin.Homophones(a, b))
        {
            return 0.9;
        }

        foreach (string x in Pinyin.Readings(a))
        {
            foreach (string y in Pinyin.Readings(b))
            {
                if (Fuzzy(x) == Fuzzy(y))
                {
                    return 0.7;
                }
            }
        }

        return 0;
    }

    /// <summary>A reading with commonly confused initials and finals folded together.</summary>
    private static string Fuzzy(string syllable)
    {
        foreach (var (from, to) in ConfusedInitials)
        {
            if (syllable.StartsWith(from, StringComparison.Ordinal))
            {
                syllable = to + syllable[from.Length..];
                break;
            }
        }

        foreach (var (from, to) in ConfusedFinals)
        {
            if (syllable.EndsWith(from, StringComparison.Ordinal))
            {
                return syllable[..^from.Length] + to;
            }
        }

        return syllable;
    }

    private static double Words(string hotword, string text)
    {
        if (hotword.Length <= 6 && hotword.All(char.IsUpper) && text.Length == hotword.Length)
        {
            return Letters(hotword, text.ToUpperInvariant());
        }

        // Words of very different lengths cannot be near-misses; skip the edit distances.
        if (Math.Abs(hotword.Length - text.Length) * 2 > Math.Max(hotword.Length, text.Length))
        {
            return 0;
        }

        double spelling = EditSimilarity(hotword.ToLowerInvariant(), text.ToLowerInvariant());
        double sound = EditSimilarity(SoundKey(hotword), SoundKey(text));
        return Math.Max(spelling, 0.95 * sound);
    }

    private static double Letters(string hotword, string text)
    {
        double total = 0;
        for (int i = 0; i < hotword.Length; i++)
        {
            total += hotword[i] == text[i] ? 1
                : RhymingLetters.Any(g => g.Contains(hotword[i]) && g.Contains(text[i])) ? 0.6
                : 0;
        }

        return total / hotword.Length;
    }

    /// <summary>A rough English sound key: spellings of one sound map to one letter, doubled letters collapse.</summary>
    private static string SoundKey(string word)
    {
        string w = word.ToLowerInvariant()
            .Replace("ph", "f").Replace("ck", "k").Replace("sh", "x").Replace("ch", "x")
            .Replace("th", "0").Replace("wh", "w").Replace("gh", "g").Replace("kn", "n");
        var key = new System.Text.StringBuilder(w.Length);
        foreach (char c in w)
        {
            char mapped = c switch
            {
                'c' or 'q' => 'k',
                'z' => 's',
                'y' => 'i',
                'v' => 'f',
                _ => c,
            };
            if (key.Length == 0 || key[^1] != mapped)
            {
                key.Append(mapped);
            }
        }

        return key.ToString();
    }

    private static double EditSimilarity(string a, string b)
    {
        int longest = Math.Max(a.Length, b.Length);
        return longest == 0 ? 1 : 1 - (double)Levenshtein(a, b) / longest;
    }

    private static int Levenshtein(string a, string b)
    {
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), Math.Min(previous[j], current[j - 1]) + 1);
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }
}
