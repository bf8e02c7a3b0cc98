using System.Globalization;

namespace Streaming.Text.English;

/// <summary>
/// Clock times: "two thirty" → 02:30, "eight o'clock g m t" → 08:00 gmt, "eleven forty a m" →
/// 11:40 a.m., "quarter to one" → 12:45, "ten till four pm" → 03:50 p.m.
/// </summary>
internal sealed class EnglishTimeRule(EnglishNumberReader reader) : IEnglishRule
{
    public ItnClass Class => ItnClass.Time;

    public int Match(EnglishTokens t, int i, ItnOptions options, out string written)
    {
        var count = MatchRelative(t, i, out var hour, out var minute);
        if (count == 0)
        {
            count = MatchClock(t, i, out hour, out minute, out var explicitForm);
            if (count == 0)
            {
                written = "";
                return 0;
            }

            var suffixWords = ReadSuffixes(t, i + count, out var suffix);
            if (!explicitForm && suffixWords == 0)
            {
                written = "";
                return 0;
            }

            written = Format(hour, minute) + suffix;
            return count + suffixWords;
        }

        var words = ReadSuffixes(t, i + count, out var tail);
        written = Format(hour, minute) + tail;
        return count + words;
    }

    private static string Format(int hour, int minute) =>
        string.Create(CultureInfo.InvariantCulture, $"{hour:D2}:{minute:D2}");

    // "quarter past one", "twenty five past three", "ten to eleven", "one min to one".
    private int MatchRelative(EnglishTokens t, int i, out int hour, out int minute)
    {
        hour = minute = 0;
        int words;
        if (t[i] == "quarter")
        {
            minute = 15;
            words = 1;
        }
        else if (t[i] == "half")
        {
            minute = 30;
            words = 1;
        }
        else
        {
            var number = reader.Cardinal(t, i);
            if (number.Count == 0 || number.Small is < 1 or > 59)
            {
                return 0;
            }

            minute = number.Small;
            words = number.Count;
            if (t[i + words] is "min" or "mins" or "minute" or "minutes")
            {
                words++;
            }
            else if (minute % 5 != 0)
            {
                return 0; // "one to two" is a span of numbers, not 01:59.
            }
        }

        var relation = t[i + words];
        if (relation is not ("past" or "to" or "till") || (minute == 30 && relation != "past"))
        {
            return 0;
        }

        var target = reader.Cardinal(t, i + words + 1);
        if (target.Count != 1 || target.Small is < 1 or > 12)
        {
            return 0;
        }

        hour = target.Small;
        if (relation != "past")
        {
            hour = hour == 1 ? 12 : hour - 1;
            minute = 60 - minute;
        }

        return words + 1 + target.Count;
    }

    // "eight fifty one", "eight o six", "three o'clock", "two" (the last needs a suffix).
    private int MatchClock(EnglishTokens t, int i, out int hour, out int minute, out bool explicitForm)
    {
        hour = minute = 0;
        explicitForm = false;
        var h = reader.Lexicon.NumberValue(t[i]);
        if (h is < 1 or > 12)
        {
            return 0;
        }

        hour = h;
        var p = i + 1;
        var oclock = t[p] switch
        {
            "oclock" or "o'clock" => 1,
            "o" or "o'" when t[p + 1] == "clock" => 2,
            _ => 0,
        };
        if (oclock > 0)
        {
            explicitForm = true;
            return 1 + oclock;
        }

        if (t[p] is "o" or "oh" && reader.Lexicon.NumberValue(t[p + 1]) is var d and >= 1 and <= 9)
        {
            minute = d;
            explicitForm = true;
            return 3;
        }

        var pair = reader.TwoDigit(t, p, out var m);
        if (pair > 0 && m <= 59)
        {
            minute = m;
            explicitForm = true;
            return 1 + pair;
        }

        return 1;
    }

    // "a m", "p m e s t", "g m t": day half then zone.
    private int ReadSuffixes(EnglishTokens t, int p, out string suffix)
    {
        suffix = "";
        var start = p;
        for (var round = 0; round < 2; round++)
        {
            var words = reader.Lexicon.TimeSuffixes.Match(t, p, out var text);
            if (words == 0)
            {
                break;
            }

            suffix += " " + text;
            p += words;
        }

        return p - start;
    }
}
