using Streaming.Pipeline;

namespace Streaming.Sip.Calls;

/// <summary>
/// The recognition session one call channel feeds: 16-bit little-endian PCM, mono, 16 kHz. The SIP stack calls
/// <see cref="Complete"/> when the call ends and then disposes the session.
/// </summary>
public interface ICallSession : IAsyncDisposable
{
    /// <summary>Offers decoded audio without waiting; Overloaded or Closed ends the call with a BYE and Reason.</summary>
    AudioWriteResult TryWriteAudio(ReadOnlyMemory<byte> pcm16);

    /// <summary>Marks the end of the audio so the last words are flushed as a final.</summary>
    void Complete();
}
