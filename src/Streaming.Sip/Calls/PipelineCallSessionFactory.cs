using Streaming.Pipeline;

namespace Streaming.Sip.Calls;

/// <summary>Opens a <see cref="SessionPipeline"/> for each call channel (PCM16 at 16 kHz, as the RTP decoders produce).</summary>
/// <param name="factory">The shared pipeline factory.</param>
/// <param name="itn">Whether finals carry inverse-text-normalised text.</param>
/// <param name="drainTimeout">How long a hung-up call's pipeline may take to flush before it is cancelled.</param>
public sealed class PipelineCallSessionFactory(SessionPipelineFactory factory, bool itn, TimeSpan drainTimeout) : ICallSessionFactory
{
    /// <summary>The format every call session receives.</summary>
    public static AudioInputFormat Format { get; } = new(AudioCodec.Pcm16, 16000);

    /// <inheritdoc />
    public ValueTask<ICallSession> OpenAsync(CallSessionInfo info, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ICallSession>(new PipelineCallSession(info, factory.Create(new SessionSettings(Format, itn)), drainTimeout));
}
