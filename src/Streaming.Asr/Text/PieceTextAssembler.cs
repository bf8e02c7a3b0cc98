namespace Streaming.Asr.Text;

/// <summary>Text of SentencePiece and character vocabularies: the pieces' texts joined, then trimmed.</summary>
public sealed class PieceTextAssembler : ITextAssembler
{
    /// <summary>The shared instance (the assembler has no state).</summary>
    public static PieceTextAssembler Instance { get; } = new();

    /// <inheritdoc />
    public string Assemble(IReadOnlyList<TokenSpan> spans, bool final) => string.Concat(spans.Select(s => s.Text)).Trim();
}
