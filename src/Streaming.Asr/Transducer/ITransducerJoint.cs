namespace Streaming.Asr.Transducer;

/// <summary>
/// The prediction and joint networks of a transducer, as seen by a search algorithm. Implemented over
/// ONNX sessions by the model and by small hand-written tables in tests of the search.
/// </summary>
public interface ITransducerJoint
{
    /// <summary>Number of output symbols (logits per frame).</summary>
    int VocabularySize { get; }

    /// <summary>Id of the blank symbol.</summary>
    int BlankId { get; }

    /// <summary>
    /// Id of <c>&lt;unk&gt;</c>, or -1 when the vocabulary has none. The searches treat it as blank (as sherpa-onnx
    /// does): an unknown token carries no text and must not enter the prediction network's context.
    /// </summary>
    int UnknownId { get; }

    /// <summary>Tokens of history the prediction network sees.</summary>
    int ContextSize { get; }

    /// <summary>Prediction network output for a context of exactly <see cref="ContextSize"/> ids (oldest first; -1 pads the start).</summary>
    float[] PredictionOutput(ReadOnlySpan<long> context);

    /// <summary>
    /// <see cref="PredictionOutput(ReadOnlySpan{long})"/> written into <paramref name="output"/>: a search that keeps
    /// one prediction at a time (greedy) reuses its buffer instead of taking a new array per token.
    /// </summary>
    void PredictionOutput(ReadOnlySpan<long> context, Span<float> output) => PredictionOutput(context).CopyTo(output);

    /// <summary>Writes the joint network's logits for one encoder frame and a prediction output.</summary>
    void JointLogits(ReadOnlySpan<float> encoderFrame, float[] predictionOutput, Span<float> logits);

    /// <summary>
    /// Writes the joint network's logits for one encoder frame against several prediction outputs, one row of
    /// <see cref="VocabularySize"/> logits per prediction, in one run. Beam search needs this form: an int8 joiner
    /// quantises its inputs per tensor, so a row's logits depend on the rows it runs with, and sherpa-onnx runs all
    /// of a frame's hypotheses together.
    /// </summary>
    void JointLogits(ReadOnlySpan<float> encoderFrame, IReadOnlyList<float[]> predictionOutputs, Span<float> logits);
}
