namespace Streaming.LoadTests.Framework;

/// <summary>
/// What one session measured (NBomber's <c>Response</c> plus its custom metrics): latencies in milliseconds,
/// an error when the session failed, and messages it expected but never received.
/// </summary>
public sealed record SessionOutcome(
    IReadOnlyList<double> FirstPartialMs,
    IReadOnlyList<double> PartialMs,
    IReadOnlyList<double> FinalMs,
    string? Error,
    int DroppedMessages,
    int MessagesReceived)
{
    /// <summary>Audio (ms) between consecutive partials of a segment: how often captions update.</summary>
    public IReadOnlyList<double> PartialIntervalMs { get; init; } = [];

    /// <summary>The finals' texts joined in segment order; null when the session did not collect them.</summary>
    public string? Transcript { get; init; }

    /// <summary>The transcript scored against the clip's reference; null when the clip has none.</summary>
    public TranscriptAccuracy? Accuracy { get; init; }

    /// <summary>A session that failed before it measured anything.</summary>
    public static SessionOutcome Failed(string error) => new([], [], [], error, 0, 0);
}
