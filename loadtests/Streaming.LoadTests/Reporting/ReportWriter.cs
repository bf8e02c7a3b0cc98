using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Streaming.LoadTests.Reporting;

/// <summary>Writes a run's reports into one folder: markdown, HTML, the JSON summary and the SVG plot.</summary>
public static class ReportWriter
{
    /// <summary>Markdown report file name.</summary>
    public const string MarkdownFile = "report.md";

    /// <summary>HTML report file name.</summary>
    public const string HtmlFile = "report.html";

    /// <summary>Machine-readable summary file name.</summary>
    public const string JsonFile = "summary.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes all four files into <paramref name="folder"/> (created if missing); returns their paths.</summary>
    public static IReadOnlyList<string> Write(LoadReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        var svg = LatencyPlot.Render(report);
        var files = new (string Name, string Text)[]
        {
            (ReportContent.PlotFile, svg),
            (MarkdownFile, MarkdownReport.Render(report)),
            (HtmlFile, HtmlReport.Render(report, svg)),
            (JsonFile, JsonSerializer.Serialize(new { headline = ReportContent.Headline(report), report }, Json)),
        };
        return files.Select(f =>
        {
            var path = Path.Combine(folder, f.Name);
            File.WriteAllText(path, f.Text);
            return path;
        }).ToArray();
    }
}
