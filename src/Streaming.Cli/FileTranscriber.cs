using Streaming.Pipeline;

namespace Streaming.Cli;

/// <summary>What a file gave: its finals and the keywords spotted in it (times from the file start).</summary>
internal sealed record TranscribedFile(List<TranscriptEvent> Finals, List<KeywordSpottedEvent> Keywords);

/// <summary>Runs decoded audio through a session pipeline as fast as it takes it and collects the finals and keyword hits.</summary>
internal static class FileTranscriber
{
    public static async Task<TranscribedFile> TranscribeAsync(
        SpeechEngine engine,
        float[] samples,
        SessionSettings settings,
        Action<long>? onPacket,
        CancellationToken cancellationToken)
    {
        await using var pipeline = engine.Sessions.Create(settings, cancellationToken);
        var finals = new List<TranscriptEvent>();
        var keywords = new List<KeywordSpottedEvent>();
        var reading = Task.Run(
            async () =>
            {
                await foreach (var e in pipeline.Events.ReadAllAsync(cancellationToken))
                {
                    if (e is TranscriptEvent { IsFinal: true } final)
                    {
                        finals.Add(final);
                    }
                    else if (e is KeywordSpottedEvent hit)
                    {
                        keywords.Add(hit);
                    }
                }
            },
            cancellationToken);

        await AudioFeeder.FeedAsync(pipeline, samples, settings.Format.SampleRate, onPacket: onPacket, cancellationToken: cancellationToken);
        await reading;
        await pipeline.Completion;
        return new TranscribedFile(finals, keywords);
    }
}
