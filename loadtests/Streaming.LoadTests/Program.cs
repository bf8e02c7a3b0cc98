using Spectre.Console.Cli;
using Streaming.LoadTests.Commands;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("streaming-load");
    config.PropagateExceptions();
    config.AddCommand<RunCommand>("run").WithDescription("Ramp to N concurrent sessions, hold them, report latencies (one run per level).");
    config.AddCommand<CapacityCommand>("capacity").WithDescription("Find the most concurrent sessions with p95 partial latency <= packet + 150 ms and no errors.");
    config.AddCommand<SoakCommand>("soak").WithDescription("Hold 70 % of capacity for M minutes; fail if server memory keeps growing.");
});

try
{
    return await app.RunAsync(args);
}
catch (Exception ex) when (ex is ArgumentException or IOException or InvalidDataException or InvalidOperationException or HttpRequestException or CommandAppException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
