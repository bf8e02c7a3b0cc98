using Streaming.Pipeline;

namespace Streaming.Cli;

/// <summary>Runs decoded audio through a session pipeline as fast as it takes it and collects the finals.</summary>
internal static class FileTranscriber
{
    public static async Task<List<TranscriptEvent>> TranscribeAsync(
        SpeechEngine engine,
        float[] samples,
        SessionSettings settings,
        Action<long>? onPacket,
        CancellationToken cancellationToken)
    {
        await using var pipeline = engine.Sessions.Create(settings, cancellationToken);
        var finals = new List<TranscriptEvent>();
        var reading = Task.Run(
            async () =>
            {
                await foreach (var e in pipeline.Events.ReadAllAsync(cancellationToken))
                {
                    if (e is TranscriptEvent { IsFinal: true } final)
                    {
                        finals.Add(final);
                    }
                }
            },
            cancellationToken);

        await AudioFeeder.FeedAsync(pipeline, samples, settings.Format.SampleRate, onPacket: onPacket, cancellationToken: cancellationToken);
        await reading;
        await pipeline.Completion;
        return finals;
    }
}
