namespace Streaming.LoadTests.Sessions;

/// <summary>Which ingress the sessions use.</summary>
public enum SessionProtocol
{
    /// <summary>The SignalR hub <c>/hubs/transcription</c>.</summary>
    SignalR,

    /// <summary>The FunASR-runtime WebSocket <c>/ws/funasr</c>.</summary>
    FunAsr,
}
