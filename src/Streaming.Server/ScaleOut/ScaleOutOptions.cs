namespace Streaming.Server.ScaleOut;

/// <summary>
/// Running several server processes as one: with a Redis connection, SignalR uses Redis as its backplane and
/// sessions are announced there so a viewer on any node can watch them. Bound from section <c>Redis</c>.
/// </summary>
public sealed class ScaleOutOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Redis";

    /// <summary>StackExchange.Redis connection string (e.g. <c>redis:6379</c>); null runs a single node.</summary>
    public string? Connection { get; set; }

    /// <summary>Prefix of the backplane channels and session keys, so several deployments can share one Redis.</summary>
    public string Prefix { get; set; } = "streaming";
}
