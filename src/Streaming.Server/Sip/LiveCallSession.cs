using Streaming.Pipeline;
using Streaming.Server.Sessions;
using Streaming.Sip.Calls;

namespace Streaming.Server.Sip;

/// <summary>A call channel's session: an ordinary <see cref="LiveSession"/> that subscribers watch like any other.</summary>
public sealed class LiveCallSession(LiveSession session, TimeSpan drainTimeout) : ICallSession
{
    /// <inheritdoc />
    public AudioWriteResult TryWriteAudio(ReadOnlyMemory<byte> pcm16) => session.TryWriteAudio(pcm16);

    /// <inheritdoc />
    public void Complete() => session.Finish();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        session.Finish();
        try
        {
            await session.Completion.WaitAsync(drainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Finals still queued for slow viewers are theirs to lose; the call is over.
        }
    }
}
