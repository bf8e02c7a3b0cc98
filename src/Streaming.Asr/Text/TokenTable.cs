using System.Globalization;
using System.Text;

namespace Streaming.Asr.Text;

/// <summary>
/// sherpa-onnx <c>tokens.txt</c>: one <c>symbol id</c> pair per line. <c>▁</c> marks a word start and
/// becomes a space; byte-fallback symbols (<c>&lt;0xNN&gt;</c>) are joined into UTF-8; symbols in angle
/// brackets such as <c>&lt;blk&gt;</c>, <c>&lt;sos/eos&gt;</c>, <c>&lt;unk&gt;</c> produce no text. CJK
/// characters are written without spaces between them, but a space separates them from adjacent
/// Latin words.
/// </summary>
public sealed class TokenTable
{
    private readonly string[] _symbols;
    private readonly short[] _bytes; // byte value for byte-fallback symbols, -1 for text, -2 for control

    private TokenTable(string[] symbols, int unknownId)
    {
        _symbols = symbols;
        _bytes = new short[symbols.Length];
        for (int i = 0; i < symbols.Length; i++)
        {
            string s = symbols[i];
            _bytes[i] = ByteFallbackPiece.TryParse(s, out byte b) ? b
                : s.Length > 2 && s[0] == '<' && s[^1] == '>' ? (short)-2
                : (short)-1;
        }

        BlankId = Array.IndexOf(symbols, "<blk>") is int blank and >= 0 ? blank : 0;
        UnknownId = unknownId;
    }

    /// <summary>Number of ids (largest id + 1).</summary>
    public int Count => _symbols.Length;

    /// <summary>Id of <c>&lt;blk&gt;</c>, or 0 when the table does not name it (icefall's convention).</summary>
    public int BlankId { get; }

    /// <summary>Id of <c>&lt;unk&gt;</c>, or -1 when the table does not name it.</summary>
    public int UnknownId { get; }

    /// <summary>The raw symbol of an id.</summary>
    public string this[int id] => _symbols[id];

    /// <summary>Symbols that produce text and their ids (for <see cref="Hotwords.HotwordTokenizer"/>).</summary>
    public IEnumerable<KeyValuePair<string, int>> Pieces()
    {
        for (int i = 0; i < _symbols.Length; i++)
        {
            if (_bytes[i] != -2)
            {
                yield return new(_symbols[i], i);
            }
        }
    }

    /// <summary>Loads a <c>tokens.txt</c> file.</summary>
    public static TokenTable Load(string path) => Parse(File.ReadAllLines(path, Encoding.UTF8), path);

    /// <summary>Parses <c>tokens.txt</c> lines; <paramref name="source"/> names them in errors.</summary>
    public static TokenTable Parse(IEnumerable<string> lines, string source)
    {
        var byId = new Dictionary<int, string>();
        int lineNumber = 0;
        foreach (string line in lines)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            // The symbol itself may contain spaces in principle, so the id is whatever follows the last one.
            int split = line.LastIndexOf(' ');
            if (split <= 0 || !int.TryParse(line.AsSpan(split + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out int id) || id < 0)
            {
                throw new InvalidDataException($"{source}:{lineNumber}: expected 'symbol id', got '{line}'.");
            }

            byId[id] = line[..split];
        }

        if (byId.Count == 0)
        {
            throw new InvalidDataException($"{source} has no tokens.");
        }

        var symbols = new string[byId.Keys.Max() + 1];
        Array.Fill(symbols, "<unk>");
        foreach (var (id, symbol) in byId)
        {
            symbols[id] = symbol;
        }

        // Gaps in the ids read as <unk> text, but only a listed <unk> is the model's unknown token.
        int unknownId = byId.Where(e => e.Value == "<unk>").Select(e => e.Key).DefaultIfEmpty(-1).Min();
        return new TokenTable(symbols, unknownId);
    }

    /// <summary>Splits ids into text groups, applying the spacing rules; control ids produce no group.</summary>
    public IReadOnlyList<TokenSpan> Split(IReadOnlyList<int> ids)
    {
        var raw = new List<TokenSpan>(ids.Count);
        var pending = new List<byte>();
        int pendingFirst = 0;
        for (int i = 0; i < ids.Count; i++)
        {
            int id = ids[i];
            if ((uint)id >= (uint)_symbols.Length || _bytes[id] == -2)
            {
                continue;
            }

            if (_bytes[id] >= 0)
            {
                if (pending.Count == 0)
                {
                    pendingFirst = i;
                }

                pending.Add((byte)_bytes[id]);
                continue;
            }

            Flush(raw, pending, pendingFirst, i);
            raw.Add(new TokenSpan(_symbols[id].Replace('▁', ' '), i, 1));
        }

        Flush(raw, pending, pendingFirst, ids.Count);
        return AddCjkSpacing(raw);
    }

    /// <summary>Decodes ids to trimmed text.</summary>
    public string Decode(IReadOnlyList<int> ids) => string.Concat(Split(ids).Select(s => s.Text)).Trim();

    /// <summary>Whether a character belongs to a script written without spaces between words.</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3040' and <= '\u30FF')
            or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF') or (>= '\u3000' and <= '\u303F')
            or (>= '\uFF00' and <= '\uFFEF');

    private static List<TokenSpan> AddCjkSpacing(List<TokenSpan> spans)
    {
        for (int i = 1; i < spans.Count; i++)
        {
            string previous = spans[i - 1].Text;
            string current = spans[i].Text;
            if (previous.Length == 0 || current.Length == 0 || char.IsWhiteSpace(previous[^1]) || char.IsWhiteSpace(current[0]))
            {
                continue;
            }

            // A Latin word right after CJK text (or the reverse) gets a space; CJK next to CJK stays joined.
            if (IsCjk(previous[^1]) != IsCjk(current[0]) && (char.IsLetterOrDigit(previous[^1]) || IsCjk(previous[^1]))
                && (char.IsLetterOrDigit(current[0]) || IsCjk(current[0])))
            {
                spans[i] = spans[i] with { Text = " " + current };
            }
        }

        return spans;
    }

    private static void Flush(List<TokenSpan> spans, List<byte> pending, int first, int end)
    {
        if (pending.Count == 0)
        {
            return;
        }

        spans.Add(new TokenSpan(Encoding.UTF8.GetString([.. pending]), first, end - first));
        pending.Clear();
    }
}
