using System.Text;

namespace Streaming.Asr.Keywords;

/// <summary>
/// Spots keywords in recognised text, for models without a keyword-constrained search (Moonshine): a keyword is a
/// sequence of words matched against whole words of the hypothesis, ignoring case and punctuation (<c>Country</c>,
/// <c>country,</c> and <c>COUNTRY!</c> all match <c>country</c>). Partials offer only their stable tokens, and a
/// word at the end of them counts only once the next token shows it is complete, so a hit never has to be taken
/// back. Each occurrence is reported once per segment: per keyword, the occurrences already reported are counted
/// until <see cref="Reset"/>.
/// </summary>
public sealed class TranscriptKeywordMatcher
{
    private readonly (Keyword Keyword, string[] Words)[] _keywords;
    private readonly int[] _reported;

    /// <summary>Prepares the keywords for matching.</summary>
    /// <exception cref="KeywordException">A keyword has no letters or digits, or is spelt in tokens (text matching has no tokens to spell in).</exception>
    public TranscriptKeywordMatcher(IReadOnlyList<Keyword> keywords)
    {
        _keywords = new (Keyword, string[])[keywords.Count];
        for (int i = 0; i < keywords.Count; i++)
        {
            var keyword = keywords[i];
            if (keyword.Spelling is not null)
            {
                throw new KeywordException(
                    $"Keyword '{keyword.Phrase}' is spelt in tokens, but this model matches keywords in its text; give the phrase alone.");
            }

            var words = Words(keyword.Phrase);
            _keywords[i] = words.Length > 0
                ? (keyword, words)
                : throw new KeywordException($"Keyword '{keyword.Phrase}' has no letters or digits to match.");
        }

        _reported = new int[keywords.Count];
    }

    /// <summary>True when there is nothing to spot.</summary>
    public bool IsEmpty => _keywords.Length == 0;

    /// <summary>
    /// Hits not reported yet among the first <paramref name="eligible"/> of <paramref name="tokens"/> (times from the
    /// segment start, confidence the mean of the matched tokens'). <paramref name="complete"/> says the tokens are
    /// the segment's last word (a final), so their last word is complete too.
    /// </summary>
    public IReadOnlyList<KeywordHit> Match(IReadOnlyList<RecognizedToken> tokens, int eligible, bool complete)
    {
        if (IsEmpty || eligible == 0)
        {
            return [];
        }

        var words = Split(tokens, eligible, complete);
        List<KeywordHit>? hits = null;
        for (int k = 0; k < _keywords.Length; k++)
        {
            var (keyword, phrase) = _keywords[k];
            int seen = 0;
            for (int w = 0; w + phrase.Length <= words.Count; w++)
            {
                if (!Matches(words, w, phrase) || Hit(keyword, tokens, words[w].First, words[w + phrase.Length - 1].Last) is not { } hit)
                {
                    continue;
                }

                if (++seen > _reported[k])
                {
                    (hits ??= []).Add(hit);
                }

                w += phrase.Length - 1;
            }

            _reported[k] = Math.Max(_reported[k], seen);
        }

        return hits ?? (IReadOnlyList<KeywordHit>)[];
    }

    /// <summary>Forgets what was reported: the next segment starts.</summary>
    public void Reset() => Array.Clear(_reported);

    private static bool Matches(List<Word> words, int at, string[] phrase)
    {
        for (int i = 0; i < phrase.Length; i++)
        {
            if (words[at + i].Text != phrase[i])
            {
                return false;
            }
        }

        return true;
    }

    // Null when the match falls below the keyword's own threshold.
    private static KeywordHit? Hit(Keyword keyword, IReadOnlyList<RecognizedToken> tokens, int first, int last)
    {
        float sum = 0;
        for (int t = first; t <= last; t++)
        {
            sum += tokens[t].Confidence;
        }

        float confidence = sum / (last - first + 1);
        return confidence < (keyword.Threshold ?? 0)
            ? null
            : new KeywordHit(keyword.Phrase, tokens[first].Start, tokens[last].End, confidence);
    }

    // Words of the eligible tokens with the tokens they span; an open word at the end is kept only when it is known
    // to be complete (a final, or the next token starts with a separator).
    private static List<Word> Split(IReadOnlyList<RecognizedToken> tokens, int eligible, bool complete)
    {
        var words = new List<Word>();
        var text = new StringBuilder();
        int first = -1, last = -1;
        for (int t = 0; t < eligible; t++)
        {
            foreach (char c in tokens[t].Text)
            {
                if (IsWordChar(c))
                {
                    first = first < 0 ? t : first;
                    last = t;
                    text.Append(Fold(c));
                }
                else if (first >= 0)
                {
                    words.Add(new Word(text.ToString(), first, last));
                    text.Clear();
                    first = -1;
                }
            }
        }

        bool closed = complete || (eligible < tokens.Count && tokens[eligible].Text is { Length: > 0 } next && !IsWordChar(next[0]));
        if (first >= 0 && closed)
        {
            words.Add(new Word(text.ToString(), first, last));
        }

        return words;
    }

    private static string[] Words(string phrase)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (char c in phrase + " ")
        {
            if (IsWordChar(c))
            {
                word.Append(Fold(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        return [.. words];
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '\'' or '’';

    private static char Fold(char c) => c == '’' ? '\'' : char.ToLowerInvariant(c);

    // Tokens first..Last hold the word (a token may end one word and start the next).
    private readonly record struct Word(string Text, int First, int Last);
}
