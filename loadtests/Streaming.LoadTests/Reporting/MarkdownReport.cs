using System.Text;

namespace Streaming.LoadTests.Reporting;

/// <summary>Renders a <see cref="LoadReport"/> as GitHub-flavoured markdown.</summary>
public static class MarkdownReport
{
    /// <summary>The markdown text.</summary>
    public static string Render(LoadReport report)
    {
        var md = new StringBuilder();
        md.Append("# Load test: ").AppendLine(report.Title).AppendLine();
        md.Append("![latency vs concurrency](").Append(ReportContent.PlotFile).AppendLine(")").AppendLine();
        foreach (var section in ReportContent.Sections(report))
        {
            md.Append("## ").AppendLine(section.Heading).AppendLine();
            foreach (var paragraph in section.Paragraphs)
            {
                md.AppendLine(paragraph).AppendLine();
            }

            foreach (var table in section.Tables)
            {
                AppendRow(md, table.Header);
                AppendRow(md, table.Header.Select(_ => "---").ToArray());
                foreach (var row in table.Rows)
                {
                    AppendRow(md, row);
                }

                md.AppendLine();
            }
        }

        return md.ToString();
    }

    private static void AppendRow(StringBuilder md, IReadOnlyList<string> cells) =>
        md.Append("| ").AppendJoin(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).AppendLine(" |");
}
