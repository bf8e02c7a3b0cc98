namespace Streaming.Asr.Text;

/// <summary>Turns a hypothesis's token groups into its text (the step after decoding).</summary>
public interface ITextAssembler
{
    /// <summary>The text of <paramref name="spans"/>, trimmed.</summary>
    /// <param name="spans">The hypothesis's token groups in order.</param>
    /// <param name="final">Whether this is the segment's final result (an assembler may spend more on it than on a partial).</param>
    string Assemble(IReadOnlyList<TokenSpan> spans, bool final);
}
