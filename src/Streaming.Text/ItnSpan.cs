namespace Streaming.Text;

/// <summary>
/// One piece of the written text and the piece of the spoken text it came from, so timestamps known
/// for source characters or words can be carried over to the written form.
/// </summary>
/// <param name="WrittenStart">Start index in <see cref="ItnResult.Text"/>.</param>
/// <param name="WrittenLength">Length in <see cref="ItnResult.Text"/>; 0 when the source was dropped (fillers).</param>
/// <param name="SourceStart">Start index in the spoken input.</param>
/// <param name="SourceLength">Length in the spoken input.</param>
/// <param name="Class">The class that rewrote it, or <see cref="ItnClass.None"/> for copied text.</param>
public readonly record struct ItnSpan(int WrittenStart, int WrittenLength, int SourceStart, int SourceLength, ItnClass Class);
