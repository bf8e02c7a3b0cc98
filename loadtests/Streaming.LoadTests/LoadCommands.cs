using Streaming.CommandLine;
using Streaming.LoadTests.Commands;

namespace Streaming.LoadTests;

/// <summary>The commands of <c>streaming-load</c>.</summary>
public static class LoadCommands
{
    /// <summary>Every command, as the program configures them.</summary>
    public static CommandCatalog Catalog { get; } = new CommandCatalog("streaming-load")
        .Add<RunCommand>("run", "Ramp to N concurrent sessions, hold them, report latencies (one run per level).")
        .Add<CapacityCommand>("capacity", "Find the most concurrent sessions with p95 partial latency <= packet + 150 ms and no errors.")
        .Add<SoakCommand>("soak", "Hold 70 % of capacity for M minutes; fail if server memory keeps growing.");
}
