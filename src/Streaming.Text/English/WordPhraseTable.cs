namespace Streaming.Text.English;

/// <summary>A table of multi-word phrases matched longest-first against tokens.</summary>
internal sealed class WordPhraseTable
{
    private const int MaxPhraseChars = 96;

    private readonly PhraseTable _table;
    private readonly int _maxWords;

    public WordPhraseTable(string resourceName)
    {
        _table = new PhraseTable(resourceName);
        _maxWords = _table.Keys.Max(k => k.Count(c => c == ' ') + 1);
    }

    /// <summary>Tokens of the longest phrase starting at <paramref name="i"/> (0 if none) and its written form.</summary>
    public int Match(EnglishTokens tokens, int i, out string written)
    {
        Span<char> buffer = stackalloc char[MaxPhraseChars];
        var length = 0;
        var bestWords = 0;
        written = "";
        for (var n = 0; n < _maxWords && i + n < tokens.Count; n++)
        {
            var word = tokens[i + n];
            if (length + word.Length + 1 > buffer.Length)
            {
                break;
            }

            if (n > 0)
            {
                buffer[length++] = ' ';
            }

            word.AsSpan().CopyTo(buffer[length..]);
            length += word.Length;
            if (_table.TryGet(buffer[..length], out var value))
            {
                bestWords = n + 1;
                written = value;
            }
        }

        return bestWords;
    }

    /// <summary>Whether the single word is an entry, with its written form.</summary>
    public bool TryGet(string word, out string written) => _table.TryGet(word, out written);
}
