namespace Streaming.Protocol;

/// <summary>Hub paths and the names of server-to-client events and client-to-server methods.</summary>
public static class HubNames
{
    /// <summary>Path of the transcription hub.</summary>
    public const string HubPath = "/hubs/transcription";

    /// <summary>Event carrying <see cref="Protocol.SpeechStarted"/>.</summary>
    public const string SpeechStarted = "speechStarted";

    /// <summary>Event carrying a partial <see cref="TranscriptResult"/>.</summary>
    public const string Partial = "partial";

    /// <summary>Event carrying a final <see cref="TranscriptResult"/>.</summary>
    public const string Final = "final";

    /// <summary>Event carrying <see cref="Protocol.SpeechEnded"/>.</summary>
    public const string SpeechEnded = "speechEnded";

    /// <summary>Event carrying <see cref="Protocol.KeywordSpotted"/>.</summary>
    public const string KeywordSpotted = "keywordSpotted";

    /// <summary>Event carrying <see cref="SessionError"/>.</summary>
    public const string Error = "error";
}
