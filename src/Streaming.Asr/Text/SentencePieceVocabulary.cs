using System.Text;

namespace Streaming.Asr.Text;

/// <summary>
/// Maps SentencePiece token ids to text. The vocabulary file has one piece per line and the id is the
/// 0-based line number. <c>▁</c> becomes a space, byte-fallback pieces (<c>&lt;0xNN&gt;</c>) are joined into
/// UTF-8, and control pieces (<c>&lt;unk&gt;</c>, <c>&lt;s&gt;</c>, <c>&lt;/s&gt;</c>, <c>&lt;pad&gt;</c>)
/// and ids outside the vocabulary are dropped.
/// </summary>
public sealed class SentencePieceVocabulary
{
    private static readonly HashSet<string> ControlPieces = ["<unk>", "<s>", "</s>", "<pad>"];

    private readonly string[] _texts;
    private readonly short[] _bytes; // byte value for byte-fallback pieces, -1 for ordinary, -2 for control

    private SentencePieceVocabulary(string[] pieces)
    {
        _texts = new string[pieces.Length];
        _bytes = new short[pieces.Length];
        for (int i = 0; i < pieces.Length; i++)
        {
            string piece = pieces[i];
            _texts[i] = piece.Replace('▁', ' ');
            _bytes[i] = ControlPieces.Contains(piece) ? (short)-2
                : ByteFallbackPiece.TryParse(piece, out byte b) ? b
                : (short)-1;
        }
    }

    /// <summary>Number of pieces.</summary>
    public int Count => _texts.Length;

    /// <summary>Loads a vocabulary file (UTF-8, one piece per line).</summary>
    public static SentencePieceVocabulary Load(string path)
    {
        string[] lines = File.ReadAllLines(path, Encoding.UTF8);
        if (lines.Length == 0)
        {
            throw new InvalidDataException($"Vocabulary file '{path}' is empty.");
        }

        return new SentencePieceVocabulary(lines);
    }

    /// <summary>Creates a vocabulary from pieces in id order.</summary>
    public static SentencePieceVocabulary FromPieces(IEnumerable<string> pieces) => new([.. pieces]);

    /// <summary>Pieces that produce text, with <c>▁</c> marking a word start, and their ids (for <see cref="Hotwords.HotwordTokenizer"/>).</summary>
    public IEnumerable<KeyValuePair<string, int>> Pieces()
    {
        for (int i = 0; i < _texts.Length; i++)
        {
            if (_bytes[i] != -2)
            {
                yield return new(_texts[i].Replace(' ', '▁'), i);
            }
        }
    }

    /// <summary>Whether the id produces no text (control piece or outside the vocabulary).</summary>
    public bool IsSilent(int id) => (uint)id >= (uint)_texts.Length || _bytes[id] == -2;

    /// <summary>Splits ids into text groups; silent ids produce no group.</summary>
    public IReadOnlyList<TokenSpan> Split(IReadOnlyList<int> ids)
    {
        var spans = new List<TokenSpan>(ids.Count);
        var pendingBytes = new List<byte>();
        int pendingFirst = 0;
        for (int i = 0; i < ids.Count; i++)
        {
            int id = ids[i];
            if (IsSilent(id))
            {
                continue;
            }

            if (_bytes[id] >= 0)
            {
                if (pendingBytes.Count == 0)
                {
                    pendingFirst = i;
                }

                pendingBytes.Add((byte)_bytes[id]);
                continue;
            }

            FlushBytes(spans, pendingBytes, pendingFirst, i);
            spans.Add(new TokenSpan(_texts[id], i, 1));
        }

        FlushBytes(spans, pendingBytes, pendingFirst, ids.Count);
        return spans;
    }

    /// <summary>Decodes ids to trimmed text.</summary>
    public string Decode(IReadOnlyList<int> ids) => string.Concat(Split(ids).Select(s => s.Text)).Trim();

    private static void FlushBytes(List<TokenSpan> spans, List<byte> pending, int first, int end)
    {
        if (pending.Count == 0)
        {
            return;
        }

        spans.Add(new TokenSpan(Encoding.UTF8.GetString([.. pending]).Replace('▁', ' '), first, end - first));
        pending.Clear();
    }
}
