using System.Text;

namespace Streaming.Text;

/// <summary>Builds the written text and its span map as the engines walk the input.</summary>
internal sealed class ItnWriter(string source)
{
    private readonly StringBuilder _text = new(source.Length + 8);
    private readonly List<ItnSpan> _spans = [];

    /// <summary>Length of the written text so far.</summary>
    public int Length => _text.Length;

    /// <summary>Class of the last span written, used to separate adjacent numbers.</summary>
    public ItnClass LastClass => _spans.Count == 0 ? ItnClass.None : _spans[^1].Class;

    /// <summary>The last written character, or '\0'.</summary>
    public char LastChar => _text.Length == 0 ? '\0' : _text[^1];

    /// <summary>Copies source text unchanged, merging with a preceding copied span.</summary>
    public void Copy(int sourceStart, int sourceLength)
    {
        if (_spans.Count > 0)
        {
            var last = _spans[^1];
            if (last.Class == ItnClass.None && last.SourceStart + last.SourceLength == sourceStart
                && last.WrittenStart + last.WrittenLength == _text.Length && last.WrittenLength == last.SourceLength)
            {
                _spans[^1] = last with { WrittenLength = last.WrittenLength + sourceLength, SourceLength = last.SourceLength + sourceLength };
                _text.Append(source, sourceStart, sourceLength);
                return;
            }
        }

        _spans.Add(new ItnSpan(_text.Length, sourceLength, sourceStart, sourceLength, ItnClass.None));
        _text.Append(source, sourceStart, sourceLength);
    }

    /// <summary>Writes a rewritten piece for a source range.</summary>
    public void Emit(int sourceStart, int sourceLength, string written, ItnClass itnClass)
    {
        _spans.Add(new ItnSpan(_text.Length, written.Length, sourceStart, sourceLength, itnClass));
        _text.Append(written);
    }

    /// <summary>Writes text that belongs to no source range (a separating space).</summary>
    public void Separate(string separator) => _text.Append(separator);

    public ItnResult ToResult() => new(_text.ToString(), _spans);
}
