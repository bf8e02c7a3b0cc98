using System.Collections.Frozen;

namespace Streaming.Text;

/// <summary>A table of phrases looked up by longest match at a position of a string.</summary>
internal sealed class PhraseTable
{
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _maxLength;

    public PhraseTable(string resourceName)
    {
        var entries = ResourceTable.Load(resourceName);
        Keys = entries.Keys;
        _lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxLength = entries.Keys.Max(k => k.Length);
    }

    /// <summary>The phrases of the table.</summary>
    public IReadOnlyCollection<string> Keys { get; }

    /// <summary>Length of the longest entry that starts at <paramref name="pos"/> (0 if none) and its written form.</summary>
    public int Match(string text, int pos, out string written)
    {
        var limit = Math.Min(_maxLength, text.Length - pos);
        for (var length = limit; length > 0; length--)
        {
            if (_lookup.TryGetValue(text.AsSpan(pos, length), out var value))
            {
                written = value;
                return length;
            }
        }

        written = "";
        return 0;
    }

    /// <summary>Whether <paramref name="key"/> is an entry, with its written form.</summary>
    public bool TryGet(ReadOnlySpan<char> key, out string written)
    {
        if (_lookup.TryGetValue(key, out var value))
        {
            written = value;
            return true;
        }

        written = "";
        return false;
    }
}
