using System.Numerics;

namespace Streaming.Text.English;

/// <summary>
/// Dates and years: "july twenty fifth twenty twelve" → july 25 2012, "the fifteenth of january" →
/// 15 january, "nineteen seventeen" → 1917, "nineteen eighties" → 1980s, "second quarter of twenty
/// twenty two" → Q2 2022, "seven fifty b c" → 750BC.
/// </summary>
internal sealed class EnglishDateRule(EnglishNumberReader reader, EnglishOrdinalRule ordinals) : IEnglishRule
{
    public ItnClass Class => ItnClass.Date;

    public int Match(EnglishTokens t, int i, ItnOptions options, out string written)
    {
        int count;
        if ((count = MatchMonthFirst(t, i, out written)) > 0
            || (count = MatchDayFirst(t, i, out written)) > 0
            || (count = MatchPeriod(t, i, out written)) > 0
            || (count = MatchEra(t, i, out written)) > 0
            || (count = MatchDecade(t, i, out written)) > 0)
        {
            return count;
        }

        var year = reader.YearPair(t, i);
        written = year.Written;
        return year.Count;
    }

    // A year: said in pairs (nineteen oh five) or as a cardinal from 1000 to 2999.
    private EnglishNumber Year(EnglishTokens t, int i)
    {
        var pair = reader.YearPair(t, i);
        var cardinal = reader.Cardinal(t, i);
        if (cardinal.Count >= pair.Count && cardinal.Value >= 1000 && cardinal.Value < 3000 && !cardinal.Written.Contains(' '))
        {
            return cardinal;
        }

        return pair;
    }

    // A day of the month: an ordinal or a cardinal from 1 to 31.
    private int Day(EnglishTokens t, int i, out BigInteger day)
    {
        var count = ordinals.Read(t, i, out day);
        if (count == 0)
        {
            var cardinal = reader.Cardinal(t, i);
            count = cardinal.Count;
            day = cardinal.Value;
        }

        return count > 0 && day >= 1 && day <= 31 ? count : 0;
    }

    private int MatchMonthFirst(EnglishTokens t, int i, out string written)
    {
        written = "";
        if (reader.Lexicon.Months.Match(t, i, out _) == 0)
        {
            return 0;
        }

        var year = Year(t, i + 1);
        if (year.Count > 0)
        {
            written = t[i] + " " + year.Written;
            return 1 + year.Count;
        }

        var dayWords = Day(t, i + 1, out var day);
        if (dayWords == 0 || (t[i] == "may" && ordinals.Read(t, i + 1, out _) == 0))
        {
            return 0; // "you may one day": the verb needs an ordinal day to read as a date.
        }

        written = t[i] + " " + EnglishNumberReader.Format(day);
        var after = Year(t, i + 1 + dayWords);
        if (after.Count > 0)
        {
            written += " " + after.Written;
        }

        return 1 + dayWords + after.Count;
    }

    // "[the] twenty fifth of july [twenty twelve]".
    private int MatchDayFirst(EnglishTokens t, int i, out string written)
    {
        written = "";
        var p = t[i] == "the" ? i + 1 : i;
        var dayWords = ordinals.Read(t, p, out var day);
        if (dayWords == 0 || day < 1 || day > 31 || t[p + dayWords] != "of" || reader.Lexicon.Months.Match(t, p + dayWords + 1, out _) == 0)
        {
            return 0;
        }

        var monthAt = p + dayWords + 1;
        written = EnglishNumberReader.Format(day) + " " + t[monthAt];
        var year = Year(t, monthAt + 1);
        if (year.Count > 0)
        {
            written += " " + year.Written;
        }

        return monthAt + 1 + year.Count - i;
    }

    // "second quarter of twenty twenty two" → Q2 2022, "first half of …" → H1 ….
    private int MatchPeriod(EnglishTokens t, int i, out string written)
    {
        written = "";
        var ordinalWords = ordinals.Read(t, i, out var n);
        var p = i + ordinalWords;
        var letter = t[p] switch
        {
            "quarter" when n >= 1 && n <= 4 => "Q",
            "half" when n == 1 || n == 2 => "H",
            _ => "",
        };
        if (ordinalWords == 0 || letter.Length == 0 || t[p + 1] != "of")
        {
            return 0;
        }

        var year = Year(t, p + 2);
        if (year.Count == 0)
        {
            return 0;
        }

        written = letter + EnglishNumberReader.Format(n) + " " + year.Written;
        return p + 2 + year.Count - i;
    }

    // "seven fifty b c" → 750BC, "nineteen hundred a d" → 1900AD.
    private int MatchEra(EnglishTokens t, int i, out string written)
    {
        written = "";
        var year = Year(t, i);
        var pair = reader.HundredsPair(t, i);
        var cardinal = reader.Cardinal(t, i);
        foreach (var candidate in (ReadOnlySpan<EnglishNumber>)[year, pair, cardinal])
        {
            if (candidate.Count > 0 && !candidate.Written.Contains(' ') && reader.Lexicon.Eras.Match(t, i + candidate.Count, out var era) is var eraWords and > 0)
            {
                written = candidate.Written + era;
                return candidate.Count + eraWords;
            }
        }

        return 0;
    }

    // "nineteen eighties" → 1980s, "nineteen hundreds" → 1900s, "two thousands" → 2000s.
    private int MatchDecade(EnglishTokens t, int i, out string written)
    {
        written = "";
        var first = reader.TwoDigit(t, i, out var century);
        var p = i + first;
        if (first > 0 && reader.Lexicon.DecadeWords.TryGet(t[p], out var decade))
        {
            written = ((century * 100) + int.Parse(decade, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "s";
            return first + 1;
        }

        var thousands = reader.Lexicon.NumberValue(t[i]);
        if (thousands is >= 1 and <= 9 && t[i + 1] == "thousands")
        {
            written = (thousands * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture) + "s";
            return 2;
        }

        return 0;
    }
}
