using Streaming.LoadTests.Framework;

namespace Streaming.LoadTests.Sessions;

/// <summary>
/// Builds the scenario step "one session": the next clip in turn, streamed over the chosen protocol; a session that
/// ended without error is scored against its clip's reference transcript, when the clip has one.
/// </summary>
public static class SessionFactory
{
    /// <summary>A session function for the runner.</summary>
    public static Func<ScenarioContext, Task<SessionOutcome>> Create(
        SessionProtocol protocol, IReadOnlyList<SpeechClip> clips, SessionOptions options)
    {
        if (clips.Count == 0)
        {
            throw new ArgumentException("At least one audio file is needed.");
        }

        options.Validate();
        return async context =>
        {
            var clip = clips[(int)(context.InvocationNumber % clips.Count)];
            var outcome = await (protocol switch
            {
                SessionProtocol.SignalR => SignalRSession.RunAsync(clip, options, context.CancellationToken),
                SessionProtocol.FunAsr => FunAsrSession.RunAsync(clip, options, context.CancellationToken),
                _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "unknown protocol"),
            });
            return clip.Reference is { } reference && outcome is { Error: null, Transcript: { } transcript }
                ? outcome with { Accuracy = TranscriptScorer.Score(options.Language, reference, transcript) }
                : outcome;
        };
    }
}
