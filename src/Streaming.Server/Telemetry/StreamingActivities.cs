using System.Diagnostics;

namespace Streaming.Server.Telemetry;

/// <summary>Trace source of the server: one activity per session, one per speech segment within it.</summary>
public static class StreamingActivities
{
    /// <summary>Name of the source, for exporters.</summary>
    public const string SourceName = "Streaming.Server";

    /// <summary>The source.</summary>
    public static ActivitySource Source { get; } = new(SourceName);
}
