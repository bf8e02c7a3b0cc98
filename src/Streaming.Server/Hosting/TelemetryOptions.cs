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

    /// <summary>
    /// Distinct keywords that get their own label in <c>streaming.keywords.spotted</c>; later ones are counted
    /// together, so clients' lists cannot grow the metrics without bound.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 10_000)]
    public int MaxKeywordLabels { get; set; } = 200;

    /// <summary>OTLP collector (e.g. <c>http://localhost:4317</c>); null exports nothing over OTLP.</summary>
    public Uri? OtlpEndpoint { get; set; }
}
