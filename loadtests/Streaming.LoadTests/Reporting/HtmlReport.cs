using System.Net;
using System.Text;

namespace Streaming.LoadTests.Reporting;

/// <summary>Renders a <see cref="LoadReport"/> as one self-contained HTML page with the plot inline.</summary>
public static class HtmlReport
{
    /// <summary>The HTML text; <paramref name="plotSvg"/> is embedded as is.</summary>
    public static string Render(LoadReport report, string plotSvg)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>")
            .AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>Load test: ").Append(Encode(report.Title)).AppendLine("</title>")
            .AppendLine("<style>body{font-family:sans-serif;margin:2em;max-width:72em}table{border-collapse:collapse;margin:1em 0}" +
                "td,th{border:1px solid #bbb;padding:.25em .6em;text-align:left}th{background:#eee}</style>")
            .AppendLine("</head><body>")
            .Append("<h1>Load test: ").Append(Encode(report.Title)).AppendLine("</h1>")
            .AppendLine(plotSvg);
        foreach (var section in ReportContent.Sections(report))
        {
            html.Append("<h2>").Append(Encode(section.Heading)).AppendLine("</h2>");
            foreach (var paragraph in section.Paragraphs)
            {
                html.Append("<p>").Append(Encode(paragraph)).AppendLine("</p>");
            }

            foreach (var table in section.Tables)
            {
                html.Append("<table><tr>").AppendJoin("", table.Header.Select(h => $"<th>{Encode(h)}</th>")).AppendLine("</tr>");
                foreach (var row in table.Rows)
                {
                    html.Append("<tr>").AppendJoin("", row.Select(c => $"<td>{Encode(c)}</td>")).AppendLine("</tr>");
                }

                html.AppendLine("</table>");
            }
        }

        return html.AppendLine("</body></html>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
