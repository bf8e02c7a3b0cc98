namespace Streaming.Server.Hosting;

/// <summary>Where traces and metrics go. Bound from section <c>Telemetry</c>.</summary>
public sealed class TelemetryOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>
    /// Name of the server's meter. Metrics listeners match meters by name process-wide, so servers that share
    /// a process (tests) each need their own.
    /// </summary>
    public string MeterName { get; set; } = "Streaming.Server";

    /// <summary>OTLP collector (e.g. <c>http://localhost:4317</c>); null exports nothing over OTLP.</summary>
    public Uri? OtlpEndpoint { get; set; }
}
