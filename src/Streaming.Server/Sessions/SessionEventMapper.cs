using Streaming.Pipeline;
using Streaming.Protocol;

namespace Streaming.Server.Sessions;

/// <summary>Turns pipeline events into the hub protocol's events.</summary>
public static class SessionEventMapper
{
    /// <summary>
    /// The protocol event for <paramref name="pipelineEvent"/> in session <paramref name="sessionId"/>, whose speaker
    /// has <paramref name="role"/> (null for none).
    /// </summary>
    public static OutgoingEvent Map(string sessionId, PipelineEvent pipelineEvent, string? role = null) => pipelineEvent switch
    {
        SpeechStartedEvent s => new OutgoingEvent(HubNames.SpeechStarted, new SpeechStarted { SessionId = sessionId, SegmentId = s.SegmentIndex, Start = s.Start }),
        SpeechEndedEvent e => new OutgoingEvent(HubNames.SpeechEnded, new SpeechEnded { SessionId = sessionId, SegmentId = e.SegmentIndex, Start = e.Start, End = e.End }),
        TranscriptEvent t => new OutgoingEvent(t.IsFinal ? HubNames.Final : HubNames.Partial, ToResult(sessionId, t)),
        KeywordSpottedEvent k => new OutgoingEvent(HubNames.KeywordSpotted, new KeywordSpotted
        {
            SessionId = sessionId,
            SegmentId = k.SegmentIndex,
            Keyword = k.Keyword,
            Start = k.Start,
            End = k.End,
            Confidence = k.Confidence,
            Role = role,
        }),
        _ => throw new ArgumentException($"Unknown pipeline event {pipelineEvent.GetType().Name}.", nameof(pipelineEvent)),
    };

    private static TranscriptResult ToResult(string sessionId, TranscriptEvent t) => new()
    {
        SessionId = sessionId,
        SegmentId = t.SegmentIndex,
        Kind = t.IsFinal ? ResultKinds.Final : ResultKinds.Partial,
        Text = t.Text,
        ItnText = t.ItnText,
        Tokens = t.Tokens.Select(k => new TranscriptToken { Text = k.Text, Start = k.Start, End = k.End, Confidence = k.Confidence }).ToArray(),
        Start = t.Start,
        End = t.End,
        HotwordsHit = [.. t.HotwordsHit],
    };
}
