namespace Streaming.LoadTests.Capacity;

/// <summary>The outcome of a capacity search: the largest passing level and every level tried.</summary>
/// <param name="Capacity">Largest number of concurrent sessions that passed; 0 when none did.</param>
/// <param name="P95LimitMs">The p95 partial latency limit.</param>
/// <param name="Steps">Levels in the order they were tried.</param>
public sealed record CapacityResult(int Capacity, double P95LimitMs, IReadOnlyList<CapacityStep> Steps);
