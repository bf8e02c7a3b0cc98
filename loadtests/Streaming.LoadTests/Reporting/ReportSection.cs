namespace Streaming.LoadTests.Reporting;

/// <summary>A titled part of a report: paragraphs and tables, rendered alike as markdown and HTML.</summary>
public sealed record ReportSection(string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<ReportTable> Tables);

/// <summary>A table of text cells.</summary>
public sealed record ReportTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);
