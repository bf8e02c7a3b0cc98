using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Streaming.LoadTests.Capacity;
using Streaming.LoadTests.Framework;
using Streaming.LoadTests.Reporting;

namespace Streaming.LoadTests.Tests;

public sealed class ReportTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"load-report-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_capacity_report_has_the_headline_in_every_format()
    {
        var report = CapacityReport();

        var files = ReportWriter.Write(report, folder);

        Assert.Equal(4, files.Count);
        const string headline = "Capacity: 4 concurrent sessions (p95 partial latency 240 ms <= 250 ms, no errors, no drops).";
        Assert.Contains(headline, File.ReadAllText(Path.Combine(folder, ReportWriter.MarkdownFile)));
        Assert.Contains(WebUtility.HtmlEncode(headline), File.ReadAllText(Path.Combine(folder, ReportWriter.HtmlFile)));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ReportWriter.JsonFile)));
        Assert.Equal(headline, json.RootElement.GetProperty("headline").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("report").GetProperty("capacity").GetProperty("capacity").GetInt32());
    }

    [Fact]
    public void When_no_level_passes_the_headline_says_capacity_is_zero_and_why()
    {
        var report = CapacityReport();
        var failing = report.Capacity!.Steps.Skip(2).ToArray();
        var zero = report with { Capacity = new CapacityResult(0, 250, failing), Runs = failing.Select(s => s.Run).ToArray() };

        Assert.Equal(
            "Capacity: 0 sessions: even 8 session(s) failed the criterion (p95 partial latency <= 250 ms, no errors): p95 partial 480 ms > 250 ms.",
            ReportContent.Headline(zero));
    }

    [Fact]
    public void Markdown_tables_carry_the_percentiles_of_each_phase()
    {
        var markdown = MarkdownReport.Render(CapacityReport());

        Assert.Contains("| 2 | keep_constant(4, 20s) | 4 | 12 | 0 | 0 | 150 / 300 / 360 (40) | 120 / 240 / 288 (40) | 480 / 960 / 1000 (30) | 240 / 480 / 576 (40) |", markdown);
        Assert.Contains("| 8 | p95 partial 480 ms > 250 ms |", markdown);
    }

    [Fact]
    public void Capacity_table_shows_the_partial_interval_beside_the_latency()
    {
        var markdown = MarkdownReport.Render(CapacityReport());

        Assert.Contains("| sessions | verdict | p50 partial ms | p95 partial ms | p99 partial ms | partial interval ms | p95 final ms | CER/WER |", markdown);
        Assert.Contains("| 4 | pass | 120 | 240 | 288 | 480 / 960 | 480 | - |", markdown);
    }

    [Fact]
    public void The_plot_is_valid_svg_with_one_point_per_level_and_series()
    {
        var svg = XDocument.Parse(LatencyPlot.Render(CapacityReport()));
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.Equal(4, svg.Descendants(ns + "polyline").Count());
        Assert.Equal(4 * 3, svg.Descendants(ns + "circle").Count());
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == "p95 limit 250 ms");
    }

    [Fact]
    public void Axis_steps_are_round_numbers()
    {
        Assert.Equal(100, LatencyPlot.NiceStep(480));
        Assert.Equal(2, LatencyPlot.NiceStep(8));
        Assert.Equal(1, LatencyPlot.NiceStep(1));
    }

    private static LoadReport CapacityReport()
    {
        var steps = new[] { (2, 120.0), (4, 240.0), (8, 480.0) }.Select(level =>
        {
            var (sessions, p95) = level;
            var steady = new PhaseResult(1, $"keep_constant({sessions}, 20s)", sessions, sessions, sessions, sessions * 3, 0, 0, 200,
                new Dictionary<string, int>(), Summary(p95 * 1.25), Summary(p95), Summary(p95 * 2))
            {
                PartialInterval = new LatencySummary(30, 520, 480, 960, 1000, 1100),
            };
            var ramp = steady with { Index = 0, Simulation = $"ramping_constant({sessions}, 5s)", MeanConcurrency = sessions / 2.0 };
            var run = new ScenarioResult($"capacity_{sessions}", [ramp, steady], TimeSpan.FromSeconds(25));
            return new CapacityStep(sessions, p95 <= 250 ? null : $"p95 partial {p95:F0} ms > 250 ms", run);
        }).ToArray();
        var capacity = new CapacityResult(4, 250, steps);
        return new LoadReport("capacity search, SignalR", DateTimeOffset.UnixEpoch, new MachineInfo("test", 2, 4, "Linux", ".NET", "shared"),
            new Dictionary<string, string> { ["packet"] = "100 ms" }, steps.Select(s => s.Run).ToArray(), capacity);
    }

    private static LatencySummary Summary(double p95) => new(40, p95 / 2, p95 / 2 * 1.0, p95, p95 * 1.2, p95 * 1.5);
}
