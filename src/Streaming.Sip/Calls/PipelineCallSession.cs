using Streaming.Pipeline;

namespace Streaming.Sip.Calls;

/// <summary>A call channel feeding a real <see cref="SessionPipeline"/>; subscribers read <see cref="Pipeline"/>.Events.</summary>
public sealed class PipelineCallSession(CallSessionInfo info, SessionPipeline pipeline, TimeSpan drainTimeout) : ICallSession
{
    /// <summary>Who this session is.</summary>
    public CallSessionInfo Info { get; } = info;

    /// <summary>The pipeline; its events carry VAD boundaries and transcripts.</summary>
    public SessionPipeline Pipeline { get; } = pipeline;

    /// <inheritdoc />
    public AudioWriteResult TryWriteAudio(ReadOnlyMemory<byte> pcm16) => Pipeline.TryWriteAudio(pcm16);

    /// <inheritdoc />
    public void Complete() => Pipeline.Complete();

    /// <summary>Gives the pipeline time to flush its last final to subscribers, then releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        Pipeline.Complete();
        try
        {
            await Pipeline.Completion.WaitAsync(drainTimeout).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or InvalidDataException)
        {
            // Nobody drained the events in time, or the pipeline already reported its failure through Events.
        }

        await Pipeline.DisposeAsync().ConfigureAwait(false);
    }
}
