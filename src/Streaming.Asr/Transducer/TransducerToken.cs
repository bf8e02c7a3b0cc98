namespace Streaming.Asr.Transducer;

/// <summary>A token emitted by a transducer search.</summary>
/// <param name="Id">Token id.</param>
/// <param name="Frame">Encoder output frame (from the stream start) at which it was emitted.</param>
/// <param name="Confidence">Softmax probability of the token at that frame.</param>
public readonly record struct TransducerToken(int Id, int Frame, float Confidence);
