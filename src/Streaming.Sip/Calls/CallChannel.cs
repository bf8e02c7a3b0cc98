using Streaming.Audio;
using Streaming.Pipeline;

namespace Streaming.Sip.Calls;

/// <summary>One direction of a call (a role) and the session its audio feeds.</summary>
internal sealed class CallChannel(CallSessionInfo info, ICallSession session)
{
    public CallSessionInfo Info { get; } = info;

    public ICallSession Session { get; } = session;

    /// <summary>Picks channel <paramref name="index"/> of interleaved samples, converts to PCM16 and offers it.</summary>
    public AudioWriteResult Write(float[] interleaved, int channels, int index)
    {
        var count = interleaved.Length / channels;
        var mono = channels == 1 ? interleaved : new float[count];
        if (channels > 1)
        {
            for (var i = 0; i < count; i++)
            {
                mono[i] = interleaved[(i * channels) + index];
            }
        }

        var bytes = new byte[count * 2];
        Pcm16.FromFloat(mono, bytes);
        return Session.TryWriteAudio(bytes);
    }
}
