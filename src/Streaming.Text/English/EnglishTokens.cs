namespace Streaming.Text.English;

/// <summary>
/// Words of an English segment: split on white space, with trailing punctuation split off (and marked
/// as attached) so "twenty!" can become "20 !" while "yahoo!" is copied back unchanged.
/// </summary>
internal sealed class EnglishTokens
{
    private const string TrailingPunctuation = "!?,;:";

    private readonly List<string> _words = [];
    private readonly List<(int Start, int Length, bool Attached)> _places = [];

    public EnglishTokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                var end = i;
                while (end - 1 > start && TrailingPunctuation.Contains(text[end - 1]))
                {
                    end--;
                }

                Add(text, start, end - start, attached: false);
                for (var p = end; p < i; p++)
                {
                    Add(text, p, 1, attached: true);
                }
            }
        }
    }

    /// <summary>Number of tokens.</summary>
    public int Count => _words.Count;

    /// <summary>Lower-cased token <paramref name="i"/>, or "" past the end.</summary>
    public string this[int i] => i < _words.Count ? _words[i] : "";

    /// <summary>All lower-cased tokens.</summary>
    public ReadOnlySpan<string> Words => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_words);

    /// <summary>Source start of token <paramref name="i"/>.</summary>
    public int Start(int i) => _places[i].Start;

    /// <summary>Source length of token <paramref name="i"/>.</summary>
    public int Length(int i) => _places[i].Length;

    /// <summary>Whether token <paramref name="i"/> followed the previous one without a space.</summary>
    public bool IsAttached(int i) => _places[i].Attached;

    /// <summary>Whether token <paramref name="i"/> is one letter a–z.</summary>
    public bool IsLetter(int i) => i < Count && _words[i].Length == 1 && char.IsAsciiLetterLower(_words[i][0]);

    private void Add(string text, int start, int length, bool attached)
    {
        _words.Add(text.Substring(start, length).ToLowerInvariant());
        _places.Add((start, length, attached));
    }
}
