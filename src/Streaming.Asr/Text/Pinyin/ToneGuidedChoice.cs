using System.Runtime.InteropServices;

namespace Streaming.Asr.Text.Pinyin;

/// <summary>
/// Uses the recognised tones to correct libpinyin's sentence, which its toneless dictionaries cannot do: where a
/// character's reading (<see cref="HanziReadings"/>) disagrees with the tone that was heard, the dictionary phrases
/// starting at that syllable or the one before are tried in libpinyin's order, and the first whose readings agree
/// is fixed as a constraint when the re-guessed sentence then disagrees with fewer tones overall. The neutral
/// tone agrees with any tone (unstressed syllables are often heard and read either way).
/// </summary>
internal sealed class ToneGuidedChoice(HanziReadings readings, int maxTriesPerSyllable, int minPhraseLength)
{
    // Texts whose readings are kept: common phrases and recent sentences, a few hundred KiB at most.
    private const int MaxRemembered = 4096;

    private readonly Dictionary<string, int[]> _read = new(StringComparer.Ordinal);

    /// <summary>Improves <paramref name="sentence"/>, the guess for <paramref name="syllables"/> now parsed in <paramref name="instance"/>.</summary>
    /// <param name="instance">The libpinyin instance holding the parsed syllables and their guess.</param>
    /// <param name="syllables">The syllables, one character each.</param>
    /// <param name="offsets">Where each syllable starts in the parsed input (libpinyin's lookup offsets).</param>
    /// <param name="sentence">libpinyin's guess.</param>
    /// <param name="getSentence">Reads the instance's current best sentence.</param>
    public string Improve(nint instance, IReadOnlyList<PinyinPiece> syllables, IReadOnlyList<int> offsets, string sentence, Func<string?> getSentence)
    {
        var heard = syllables.Select(s => s.Tone).ToArray();
        var current = Disagreements(sentence, heard, out var read);
        if (current == int.MaxValue)
        {
            return sentence;
        }

        for (var i = 0; i < heard.Length && current > 0; i++)
        {
            if (Agree(heard[i], read[i]))
            {
                continue;
            }

            for (var start = i; start >= Math.Max(0, i - 1); start--)
            {
                if (TryChoose(instance, heard, offsets, start, i, ref current, ref sentence, ref read, getSentence))
                {
                    break;
                }
            }
        }

        return sentence;
    }

    private static bool Agree(int heard, int read) => heard == read || heard == PinyinPiece.NeutralTone || read == PinyinPiece.NeutralTone;

    // Tries the phrases at syllable `start` that cover syllable `target`; keeps the first that lowers the disagreements.
    private bool TryChoose(nint instance, int[] heard, IReadOnlyList<int> offsets, int start, int target,
        ref int current, ref string sentence, ref int[] read, Func<string?> getSentence)
    {
        var offset = (nuint)offsets[start];
        var tries = 0;
        var stale = true;
        uint count = 0;
        for (uint index = 0; tries < maxTriesPerSyllable; index++)
        {
            // Choosing and clearing a constraint invalidates the candidate list, so it is recomputed after each try.
            if (stale)
            {
                if (!LibPinyinNative.GuessCandidates(instance, offset, LibPinyinNative.SortByPhraseLengthAndFrequency)
                    || !LibPinyinNative.GetCandidateCount(instance, out count))
                {
                    return false;
                }

                stale = false;
            }

            if (index >= count)
            {
                return false;
            }

            if (!LibPinyinNative.GetCandidate(instance, index, out var candidate)
                || !LibPinyinNative.GetCandidateType(instance, candidate, out var type) || type != LibPinyinNative.NormalCandidate
                || !LibPinyinNative.GetCandidateString(instance, candidate, out var utf8) || utf8 == 0)
            {
                continue;
            }

            var phrase = Marshal.PtrToStringUTF8(utf8) ?? string.Empty;
            if (phrase.Length < minPhraseLength || start + phrase.Length <= target || start + phrase.Length > heard.Length || !AgreesAt(phrase, heard, start))
            {
                continue;
            }

            tries++;
            LibPinyinNative.ChooseCandidate(instance, offset, candidate);
            var guess = LibPinyinNative.GuessSentence(instance) ? getSentence() : null;
            if (guess is not null && Disagreements(guess, heard, out var guessRead) is var after && after < current)
            {
                (current, sentence, read) = (after, guess, guessRead);
                return true;
            }

            // No guess after clearing: what comes next lists candidates, which (libpinyin's DYNAMIC_ADJUST option
            // being off) do not depend on the guess, or chooses one and guesses anew. A guess is the costly call.
            LibPinyinNative.ClearConstraint(instance, offset);
            stale = true;
        }

        return false;
    }

    private bool AgreesAt(string phrase, int[] heard, int start)
    {
        var tones = Read(phrase);
        if (tones.Length != phrase.Length)
        {
            return false;
        }

        for (var k = 0; k < tones.Length; k++)
        {
            if (!Agree(heard[start + k], tones[k]))
            {
                return false;
            }
        }

        return true;
    }

    // 一 and 不 change tone with the next syllable (yí gè, bú shì) and the model hears the changed tone, so their
    // dictionary tone says nothing: they count as neutral, agreeing with anything. Readings are remembered per text:
    // the same candidate phrases and sentences are read again and again, and an ICU transliteration is not cheap.
    private int[] Read(string text)
    {
        if (_read.TryGetValue(text, out var known))
        {
            return known;
        }

        var tones = readings.Tones(text);
        if (tones.Count == text.Length)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is '一' or '不')
                {
                    tones[i] = PinyinPiece.NeutralTone;
                }
            }
        }

        if (_read.Count >= MaxRemembered)
        {
            _read.Clear();
        }

        known = [.. tones];
        _read.Add(text, known);
        return known;
    }

    // How many characters' readings disagree with the heard tones; int.MaxValue when characters and syllables do not pair up.
    private int Disagreements(string sentence, int[] heard, out int[] read)
    {
        var tones = Read(sentence);
        read = tones;
        if (tones.Length != heard.Length || sentence.Length != heard.Length)
        {
            return int.MaxValue;
        }

        return heard.Where((tone, i) => !Agree(tone, tones[i])).Count();
    }
}
