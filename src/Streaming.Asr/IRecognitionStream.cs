using Streaming.Asr.Moonshine;
using Streaming.Asr.Transducer;
namespace Streaming.Asr;

/// <summary>Per-session decoding state for the current speech segment. Not thread-safe (one session uses it at a time).</summary>
public interface IRecognitionStream : IDisposable
{
    /// <summary>Appends more audio of the current speech segment (16 kHz mono float, nominally [-1, 1]).</summary>
    void AcceptAudio(ReadOnlySpan<float> samples16k);

    /// <summary>Hypothesis for what has arrived so far (may re-decode).</summary>
    RecognitionResult GetPartial();

    /// <summary>Final hypothesis for the segment; afterwards the stream is reset for the next segment.</summary>
    RecognitionResult Finish();

    /// <summary>
    /// For streams that decode as audio arrives (a partial only assembles text): a number that changes whenever the
    /// hypothesis may have changed, so the caller asks for a partial exactly then. Null for streams that decode on
    /// demand, whose partials follow the caller's own cadence.
    /// </summary>
    long? HypothesisVersion => null;

    /// <summary>
    /// Bytes of session state the stream holds between calls, by the capacity of its buffers: buffered audio,
    /// feature frames, encoder caches. Work buffers of a single call and the model's shared weights and arenas are
    /// not counted. Read by the server's memory-per-session gauge from another thread, so it must not throw
    /// while the stream is in use; 0 for streams that hold nothing of their own.
    /// </summary>
    long StateBytes => 0;
}
