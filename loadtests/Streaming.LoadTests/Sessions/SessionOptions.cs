namespace Streaming.LoadTests.Sessions;

/// <summary>How every session of a run talks to the server.</summary>
/// <param name="Server">Base address, e.g. <c>http://127.0.0.1:7860</c>.</param>
/// <param name="PacketMs">Audio per message, 20–100 ms, sent at real time.</param>
/// <param name="Language">Session language ("en", "zh", "auto").</param>
/// <param name="Token">JWT bearer token; null when the server runs without auth.</param>
/// <param name="FinalTimeout">How long to wait for finals after the last packet before calling the session failed.</param>
/// <param name="Model">Recogniser by name; null for the server's default for the language.</param>
public sealed record SessionOptions(Uri Server, int PacketMs, string Language, string? Token, TimeSpan FinalTimeout, string? Model = null)
{
    /// <summary>Shortest packet the runner sends.</summary>
    public const int MinPacketMs = 20;

    /// <summary>Longest packet the runner sends.</summary>
    public const int MaxPacketMs = 100;

    /// <summary>Fails fast on settings the issue rules out.</summary>
    public void Validate()
    {
        if (PacketMs is < MinPacketMs or > MaxPacketMs)
        {
            throw new ArgumentException($"--packet-ms must be between {MinPacketMs} and {MaxPacketMs} (got {PacketMs}).");
        }

        if (!Server.IsAbsoluteUri || Server.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"--server must be an http(s) address (got '{Server}').");
        }
    }
}
