namespace Streaming.Asr.Text;

/// <summary>Turns a hypothesis's token groups into its text (the step after decoding).</summary>
public interface ITextAssembler
{
    /// <summary>The text of <paramref name="spans"/>, trimmed.</summary>
    string Assemble(IReadOnlyList<TokenSpan> spans);
}
