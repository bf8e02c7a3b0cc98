namespace Streaming.Text;

/// <summary>The written form of a spoken segment.</summary>
/// <param name="Text">The written text.</param>
/// <param name="Spans">Pieces of <paramref name="Text"/> in order, each mapped to its source; together they cover the whole input.</param>
public sealed record ItnResult(string Text, IReadOnlyList<ItnSpan> Spans);
