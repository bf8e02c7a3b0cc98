namespace Streaming.LoadTests.Soak;

/// <summary>The server process at one instant of a soak.</summary>
/// <param name="Seconds">Seconds since the soak started.</param>
/// <param name="RssMb">Resident set size, MiB.</param>
/// <param name="GcHeapMb">Managed heap size, MiB.</param>
/// <param name="Threads">Operating-system threads.</param>
/// <param name="Handles">Open handles (file descriptors on Linux).</param>
/// <param name="SessionState">The server's session-state gauges; null for a server that does not export them.</param>
public sealed record ServerSample(double Seconds, double RssMb, double GcHeapMb, int Threads, int Handles, SessionStateReading? SessionState = null);
