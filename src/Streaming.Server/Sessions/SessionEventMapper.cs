using Streaming.Pipeline;
using Streaming.Protocol;

namespace Streaming.Server.Sessions;

/// <summary>Turns pipeline events into the hub protocol's events.</summary>
public static class SessionEventMapper
{
    /// <summary>The protocol event for <paramref name="pipelineEvent"/> in session <paramref name="sessionId"/>.</summary>
    public static OutgoingEvent Map(string sessionId, PipelineEvent pipelineEvent, IReadOnlyList<string> hotwords) => pipelineEvent switch
    {
        SpeechStartedEvent s => new OutgoingEvent(HubNames.SpeechStarted, new SpeechStarted { SessionId = sessionId, SegmentId = s.SegmentIndex, Start = s.Start }),
        SpeechEndedEvent e => new OutgoingEvent(HubNames.SpeechEnded, new SpeechEnded { SessionId = sessionId, SegmentId = e.SegmentIndex, Start = e.Start, End = e.End }),
        TranscriptEvent t => new OutgoingEvent(t.IsFinal ? HubNames.Final : HubNames.Partial, ToResult(sessionId, t, hotwords)),
        _ => throw new ArgumentException($"Unknown pipeline event {pipelineEvent.GetType().Name}.", nameof(pipelineEvent)),
    };

    private static TranscriptResult ToResult(string sessionId, TranscriptEvent t, IReadOnlyList<string> hotwords) => new()
    {
        SessionId = sessionId,
        SegmentId = t.SegmentIndex,
        Kind = t.IsFinal ? ResultKinds.Final : ResultKinds.Partial,
        Text = t.Text,
        ItnText = t.ItnText,
        Tokens = t.Tokens.Select(k => new TranscriptToken { Text = k.Text, Start = k.Start, End = k.End, Confidence = k.Confidence }).ToArray(),
        Start = t.Start,
        End = t.End,
        // Until hotword biasing reports its own hits, a hit is a hotword that appears in the final text.
        HotwordsHit = t.IsFinal ? hotwords.Where(h => t.Text.Contains(h, StringComparison.OrdinalIgnoreCase)).ToArray() : [],
    };
}
