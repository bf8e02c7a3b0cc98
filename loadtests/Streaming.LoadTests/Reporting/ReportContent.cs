using System.Globalization;
using Streaming.LoadTests.Framework;
using Streaming.LoadTests.Soak;

namespace Streaming.LoadTests.Reporting;

/// <summary>The sections every human-readable report shows, built once so markdown and HTML say the same.</summary>
public static class ReportContent
{
    /// <summary>The plot's file name beside the reports.</summary>
    public const string PlotFile = "latency-vs-concurrency.svg";

    /// <summary>The headline figure of <paramref name="report"/>.</summary>
    public static string Headline(LoadReport report)
    {
        if (report.Capacity is { } capacity)
        {
            var best = capacity.Steps.Where(s => s.Passed).MaxBy(s => s.Sessions);
            return best is null
                ? $"Capacity: 0 sessions: even {capacity.Steps[0].Sessions} session(s) failed the criterion (p95 partial latency <= {capacity.P95LimitMs:F0} ms, no errors): {capacity.Steps[0].Failure}."
                : $"Capacity: {capacity.Capacity} concurrent sessions (p95 partial latency {best.Run.Steady.Partial.P95:F0} ms <= {capacity.P95LimitMs:F0} ms, no errors, no drops).";
        }

        if (report.Soak is { } soak)
        {
            return SoakLine(soak);
        }

        var last = report.Runs[^1].Steady;
        if (last.Sessions == 0)
        {
            return $"No session ended in the steady phase ({last.Simulation}).";
        }

        return $"{last.TargetLoad} sessions: p95 partial latency {last.Partial.P95:F0} ms, p95 final latency {last.Final.P95:F0} ms, " +
            $"{last.Failed} failed, {last.Dropped} dropped{(last.Accuracy is { } accuracy ? $", {accuracy}" : "")}.";
    }

    /// <summary>The report's sections in reading order.</summary>
    public static IReadOnlyList<ReportSection> Sections(LoadReport report)
    {
        var sections = new List<ReportSection>
        {
            new("Summary", [Headline(report), $"Machine: {report.Machine.Describe()}", $"Started {report.StartedAt:u}."], [SettingsTable(report)]),
        };
        if (report.Capacity is { } capacity)
        {
            sections.Add(new ReportSection(
                "Capacity search",
                [$"Criterion: steady-phase p95 partial latency <= {capacity.P95LimitMs:F0} ms (packet + --budget-ms), no failed session, no dropped message.",
                    "Partial interval: audio between consecutive partials of a segment (p50 / p95), so fewer partials cannot pass for lower latency."],
                [new ReportTable(
                    ["sessions", "verdict", "p50 partial ms", "p95 partial ms", "p99 partial ms", "partial interval ms", "p95 final ms", "CER/WER"],
                    capacity.Steps.Select(s => Row(
                        s.Sessions.ToString(CultureInfo.InvariantCulture),
                        s.Failure ?? "pass",
                        Ms(s.Run.Steady.Partial.P50),
                        Ms(s.Run.Steady.Partial.P95),
                        Ms(s.Run.Steady.Partial.P99),
                        Interval(s.Run.Steady.PartialInterval),
                        Ms(s.Run.Steady.Final.P95),
                        Accuracy(s.Run.Steady.Accuracy))).ToArray())]));
        }

        if (report.Soak is { } soak)
        {
            sections.Add(new ReportSection(
                "Soak",
                [
                    SoakLine(soak),
                    $"Samples after {soak.WarmUpSeconds:F0} s of warm-up are judged; slopes are least-squares fits. State per session is the server's own gauge (streaming_session_state_bytes over streaming_sessions_by_state).",
                ],
                [
                    new ReportTable(
                        ["criterion", "measured", "limit", "verdict"],
                        soak.Criteria.Select(c => Row(c.Name, c.Measured, c.Limit, c.Passed switch { true => "pass", false => "FAIL", null => "not judged" })).ToArray()),
                    new ReportTable(
                        ["t (s)", "RSS MiB", "GC heap MiB", "threads", "handles", "sessions idle / active", "state per session KiB"],
                        soak.Samples.Select(s => Row(
                            s.Seconds.ToString("F0", CultureInfo.InvariantCulture),
                            F1(s.RssMb),
                            F1(s.GcHeapMb),
                            s.Threads.ToString(CultureInfo.InvariantCulture),
                            s.Handles.ToString(CultureInfo.InvariantCulture),
                            s.SessionState is { } state ? $"{state.IdleSessions} / {state.ActiveSessions}" : "-",
                            Optional(s.SessionState?.PerSessionMb * 1024, "F0"))).ToArray()),
                ]));
        }

        if (report.Memory is { } memory)
        {
            sections.Add(new ReportSection(
                "Memory per session",
                [
                    Memory.SessionMemoryProbe.Describe(memory),
                    "Idle sessions stream silence (VAD only); active ones stream the clips. The RSS and GC-heap figures are the state's peak over the first reading, divided by the sessions.",
                    "Server state per session is the server's own gauge (streaming_session_state_bytes over streaming_sessions_by_state, peak): the VAD and recogniser buffers and caches one idle, or one speaking, session holds. It leaves out what every session shares (weights, ONNX Runtime arenas, thread stacks), which the RSS delta includes.",
                ],
                [new ReportTable(
                    ["state", "RSS MiB", "GC heap MiB", "RSS per session MiB", "GC heap per session MiB", "server state per session MiB"],
                    [
                        Row("none", F1(memory.Baseline.RssMb), F1(memory.Baseline.GcHeapMb), "-", "-", "-"),
                        Row("idle", F1(memory.Idle.RssMb), F1(memory.Idle.GcHeapMb), F1(memory.RssPerIdleMb), F2(memory.GcHeapPerIdleMb), Optional(memory.ServerPerIdleMb, "F2")),
                        Row("active", F1(memory.Active.RssMb), F1(memory.Active.GcHeapMb), F1(memory.RssPerActiveMb), F2(memory.GcHeapPerActiveMb), Optional(memory.ServerPerActiveMb, "F2")),
                    ])]));
        }

        foreach (var run in report.Runs)
        {
            sections.Add(RunSection(run));
        }

        return sections;
    }

    private static string SoakLine(SoakResult soak) =>
        $"Soak at {soak.Sessions} sessions: {(soak.Passed ? "PASS" : "FAIL")}: " +
        string.Join("; ", soak.Criteria.Select(c => $"{c.Name} {c.Measured} ({c.Limit}{(c.Passed is false ? ", FAIL" : "")})")) + ".";

    private static ReportSection RunSection(ScenarioResult run)
    {
        var paragraphs = new List<string> { $"Duration {run.Duration.TotalSeconds:F1} s. Latencies in ms: p50 / p95 / p99 (count)." };
        paragraphs.AddRange(run.Phases.SelectMany(p => p.Errors.Select(e => $"Phase {p.Index + 1} error x{e.Value}: {e.Key}")));
        var table = new ReportTable(
            ["phase", "simulation", "peak sessions", "sessions", "failed", "dropped", "first partial", "partial", "partial interval", "final", "CER/WER"],
            run.Phases.Select(p => Row(
                (p.Index + 1).ToString(CultureInfo.InvariantCulture),
                p.Simulation,
                p.PeakConcurrency.ToString(CultureInfo.InvariantCulture),
                p.Sessions.ToString(CultureInfo.InvariantCulture),
                p.Failed.ToString(CultureInfo.InvariantCulture),
                p.Dropped.ToString(CultureInfo.InvariantCulture),
                Percentiles(p.FirstPartial),
                Percentiles(p.Partial),
                Percentiles(p.PartialInterval),
                Percentiles(p.Final),
                Accuracy(p.Accuracy))).ToArray());
        return new ReportSection($"Scenario {run.Name}", paragraphs, [table]);
    }

    private static ReportTable SettingsTable(LoadReport report) =>
        new(["setting", "value"], report.Settings.Select(kv => Row(kv.Key, kv.Value)).ToArray());

    private static string Percentiles(LatencySummary s) =>
        s.Count == 0 ? "-" : $"{Ms(s.P50)} / {Ms(s.P95)} / {Ms(s.P99)} ({s.Count})";

    private static string Interval(LatencySummary s) => s.Count == 0 ? "-" : $"{Ms(s.P50)} / {Ms(s.P95)}";

    private static string F1(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    private static string F2(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static string Optional(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";

    private static string Accuracy(TranscriptAccuracy? accuracy) => accuracy?.ToString() ?? "-";

    private static string Ms(double ms) => ms.ToString("F0", CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> Row(params string[] cells) => cells;
}
