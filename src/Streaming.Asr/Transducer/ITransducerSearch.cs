namespace Streaming.Asr.Transducer;

/// <summary>A transducer search that consumes encoder frames incrementally (one instance per stream).</summary>
public interface ITransducerSearch
{
    /// <summary>Consumes encoder frames laid out row-major, <c>frames × dimension</c>.</summary>
    void Advance(ReadOnlySpan<float> encoderFrames, int dimension);

    /// <summary>The current best token sequence.</summary>
    IReadOnlyList<TransducerToken> Best { get; }

    /// <summary>How many leading tokens of <see cref="Best"/> no later frame can change.</summary>
    int StableCount { get; }

    /// <summary>Starts over for a new segment.</summary>
    void Reset();
}
