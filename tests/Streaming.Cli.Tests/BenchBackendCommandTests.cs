namespace Streaming.Cli.Tests;

public sealed class BenchBackendCommandTests
{
    [Fact]
    public async Task Bench_backend_prints_a_rate_for_cpu_and_each_ascend_pool_size()
    {
        var result = await CliProcess.RunAsync(["bench", "backend", "--streams", "4", "--windows", "3", "--pool-sizes", "1,2", "--batch", "4"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = CliProcess.Lines(result.Stdout);
        foreach (string run in new[] { "cpu, one call per window", "cpu, scheduler max batch 4", "npu-sim pool 1, one call per window", "npu-sim pool 2, scheduler max batch 4" })
        {
            var line = Assert.Single(lines, l => l.StartsWith(run, StringComparison.Ordinal));
            double rate = double.Parse(line[40..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(rate > 0, line);
        }
    }

    [Fact]
    public async Task Bench_backend_refuses_a_bad_pool_size_list()
    {
        var result = await CliProcess.RunAsync(["bench", "backend", "--pool-sizes", "two"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--pool-sizes 'two'", result.Stderr);
    }
}
