using System.Text.Json;
using System.Xml.Linq;
using Streaming.LoadTests.Framework;
using Streaming.LoadTests.Reporting;
using Streaming.LoadTests.Soak;
using Streaming.Testing;

namespace Streaming.LoadTests.Tests;

/// <summary>
/// The CI version of the load test: the real server as its own process on a loopback port, and the runner's
/// command line streaming a few short sessions at real time; the reports must exist and carry numbers.
/// </summary>
public sealed class LoadSmokeTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"load-smoke-{Guid.NewGuid():N}");
    private readonly ServerProcess server = fixture.Server;

    private static string[] Clips =>
    [
        TestPaths.SharedTestData("audio", "hifitts", "audio", "hartmann_12_fawcett_0110.wav"),
        TestPaths.SharedTestData("audio", "hifitts", "audio", "presentpictureofnsw_02_mann_0532.wav"),
    ];

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_short_SignalR_run_writes_every_report_with_latency_figures()
    {
        var (exit, output) = await RunRunnerAsync("signalr", sessions: 2);

        Assert.True(exit == 0, output);
        Assert.Contains("2 sessions: p95 partial latency", output);
        foreach (var file in new[] { ReportWriter.MarkdownFile, ReportWriter.HtmlFile, ReportWriter.JsonFile, ReportContent.PlotFile })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} missing; runner output:\n{output}");
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ReportWriter.JsonFile)));
        var phases = json.RootElement.GetProperty("report").GetProperty("runs")[0].GetProperty("phases").EnumerateArray().ToArray();
        Assert.Equal(2, phases.Length);
        Assert.True(phases.Sum(p => p.GetProperty("sessions").GetInt32()) >= 2, output);
        Assert.All(phases, p => Assert.Equal(0, p.GetProperty("failed").GetInt32()));
        var partial = phases.Select(p => p.GetProperty("partial")).Where(p => p.GetProperty("count").GetInt64() > 0).ToArray();
        Assert.NotEmpty(partial);
        Assert.All(partial, p => Assert.InRange(p.GetProperty("p95").GetDouble(), 1, 30_000));
        var final = phases.Select(p => p.GetProperty("final")).Where(p => p.GetProperty("count").GetInt64() > 0).ToArray();
        Assert.NotEmpty(final);

        Assert.Contains("| 2 | keep_constant(2, 3s) |", File.ReadAllText(Path.Combine(folder, ReportWriter.MarkdownFile)));
        var svg = XDocument.Load(Path.Combine(folder, ReportContent.PlotFile));
        Assert.NotEmpty(svg.Descendants(XName.Get("circle", "http://www.w3.org/2000/svg")));
    }

    [Fact]
    public async Task A_short_FunAsr_run_measures_partials_and_finals()
    {
        var (exit, output) = await RunRunnerAsync("funasr", sessions: 1);

        Assert.True(exit == 0, output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ReportWriter.JsonFile)));
        var phases = json.RootElement.GetProperty("report").GetProperty("runs")[0].GetProperty("phases").EnumerateArray().ToArray();
        Assert.All(phases, p => Assert.Equal(0, p.GetProperty("failed").GetInt32()));
        Assert.True(phases.Sum(p => p.GetProperty("partial").GetProperty("count").GetInt64()) > 0, output);
        Assert.True(phases.Sum(p => p.GetProperty("final").GetProperty("count").GetInt64()) > 0, output);
    }

    [Fact]
    public async Task The_soak_probe_reads_the_server_process_gauges_from_metrics()
    {
        using var http = new HttpClient();
        var probe = new ServerProbe(http, new Uri(server.Address, "/metrics"));

        var sample = await probe.SampleAsync(0, CancellationToken.None);

        Assert.InRange(sample.RssMb, 20, 8192);
        Assert.InRange(sample.GcHeapMb, 0.1, 8192);
        Assert.InRange(sample.Threads, 2, 10_000);
        Assert.InRange(sample.Handles, 3, 1_000_000);
    }

    [Fact]
    public async Task A_soak_samples_the_server_throughout_and_judges_only_after_warm_up()
    {
        using var http = new HttpClient();
        var soak = new SoakRun(
            new LoadRunner(TimeSpan.FromMilliseconds(10)),
            new ServerProbe(http, new Uri(server.Address, "/metrics")),
            Interval: TimeSpan.FromMilliseconds(200),
            WarmUp: TimeSpan.FromSeconds(1),
            MaxSlopeMbPerMinute: 1000,
            MaxSessionSlopeKbPerMinute: 1000);
        var sessions = new FakeSessions(TimeSpan.FromMilliseconds(50), _ => 20);

        var result = await soak.RunAsync(sessions.RunAsync, 2, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2.5), null, CancellationToken.None);

        Assert.InRange(result.Samples.Count, 6, 20);
        Assert.Contains(result.Samples, s => s.Seconds < 1);
        Assert.True(result.Samples.Count(s => s.Seconds >= 1) >= 3);
        Assert.All(result.Samples, s => Assert.True(s.RssMb > 20 && s.Threads > 2));
        Assert.True(double.IsFinite(result.RssSlopeMbPerMinute) && double.IsFinite(result.GcHeapSlopeMbPerMinute));
        Assert.True(result.Passed);
        Assert.False((result with { MaxSlopeMbPerMinute = Math.Min(result.RssSlopeMbPerMinute, result.GcHeapSlopeMbPerMinute) - 0.01 }).Passed);
        Assert.Equal(2, result.Run.Steady.PeakConcurrency);
    }

    [Fact]
    public async Task A_capacity_run_reports_its_warm_up_unjudged_and_memory_per_session_with_the_server_figure()
    {
        var (exit, output) = await RunOnOneClipAsync(
            "capacity", "--max", "1", "--ramp", "1", "--steady", "3", "--warm-up", "2", "--warm-up-sessions", "1", "--memory-sessions", "1", "--memory-hold", "3");

        Assert.True(exit == 0, output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ReportWriter.JsonFile)));
        var report = json.RootElement.GetProperty("report");
        Assert.StartsWith("1 sessions for 2 s, not judged: ", report.GetProperty("settings").GetProperty("warm-up").GetString());
        var runs = report.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToArray();
        var levels = report.GetProperty("capacity").GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("sessions").GetInt32()).ToArray();
        Assert.Equal([1], levels);
        Assert.Single(runs);
        Assert.DoesNotContain("warm_up", runs);

        var memory = report.GetProperty("memory");
        var idle = memory.GetProperty("serverPerIdleMb").GetDouble();
        var active = memory.GetProperty("serverPerActiveMb").GetDouble();
        Assert.InRange(idle, 0.001, 64);
        Assert.InRange(active, idle, 64);
        Assert.Contains("server state per session MiB", File.ReadAllText(Path.Combine(folder, ReportWriter.MarkdownFile)));
    }

    [Fact]
    public async Task A_soak_states_its_memory_criteria_and_exits_with_1_when_one_fails()
    {
        // An impossible RSS bound (it must shrink by 100 GiB a minute) makes the verdict certain.
        var (exit, output) = await RunOnOneClipAsync(
            "soak", "--capacity", "1", "--fraction", "1", "--minutes", "0.1", "--warm-up", "1", "--warm-up-load", "0", "--sample-every", "1", "--max-slope", "-100000");

        Assert.True(exit == 1, output);
        Assert.Contains("Soak at 1 sessions: FAIL: RSS slope ", output);
        var markdown = File.ReadAllText(Path.Combine(folder, ReportWriter.MarkdownFile));
        Assert.Contains("| criterion | measured | limit | verdict |", markdown);
        Assert.Matches(@"\| RSS slope \| -?[0-9.]+ MiB/min \| <= -100000.00 MiB/min \| FAIL \|", markdown);
        Assert.Matches(@"\| state per session slope \| -?[0-9.]+ KiB/min \| <= 64.00 KiB/min \| (pass|FAIL) \|", markdown);
        Assert.Matches(@"\| 1 / 0 \| [0-9]+ \||\| 0 / 1 \| [0-9]+ \|", markdown);
    }

    [Fact]
    public async Task A_bad_packet_length_is_refused_with_a_clear_error()
    {
        var (exit, output) = await RunAsync(["run", "--server", server.Address.ToString(), "--packet-ms", "500", "--audio", Clips[0], "--out", folder]);

        Assert.Equal(2, exit);
        Assert.Contains("error: --packet-ms must be between 20 and 100 (got 500).", output);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task A_server_that_is_not_listening_stops_the_run_at_once_with_one_error()
    {
        var (exit, output) = await RunAsync(["capacity", "--server", "http://127.0.0.1:9", "--audio", Clips[0], "--out", folder]);

        Assert.Equal(2, exit);
        Assert.Contains("error: cannot reach the server at http://127.0.0.1:9/", output);
        Assert.DoesNotContain("phase", output);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task A_server_that_refuses_the_trial_session_stops_the_run_before_it_starts()
    {
        var (exit, output) = await RunAsync(["run", "--server", server.Address.ToString(), "--sessions", "2", "--audio", Clips[0], "--out", folder]);

        Assert.Equal(2, exit);
        Assert.Contains("error: a trial session on", output);
        Assert.Contains("401", output);
        Assert.DoesNotContain("phase", output);
    }

    private Task<(int Exit, string Output)> RunRunnerAsync(string protocol, int sessions) => RunAsync(
    [
        "run", "--server", server.Address.ToString(), "--protocol", protocol, "--sessions", $"{sessions}",
        "--ramp", "1", "--steady", "3", "--packet-ms", "100", "--audio", Clips[0], "--audio", Clips[1],
        "--token", server.Tokens.Create("load-smoke"), "--out", folder, "--machine-note", "CI smoke test",
    ]);

    // command and its options against the fixture's server, streaming the first clip, reports into the test's folder.
    private Task<(int Exit, string Output)> RunOnOneClipAsync(string command, params string[] options) => RunAsync(
        [command, "--server", server.Address.ToString(), .. options, "--audio", Clips[0], "--token", server.Tokens.Create("load-smoke"), "--out", folder]);

    private static async Task<(int Exit, string Output)> RunAsync(string[] arguments)
    {
        var runner = Path.Combine(AppContext.BaseDirectory, "streaming-load.dll");
        await using var process = ChildProcess.Start("dotnet", [runner, .. arguments]);
        var exit = await process.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (exit, process.Tail);
    }
}
