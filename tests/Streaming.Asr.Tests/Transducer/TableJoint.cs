using Streaming.Asr.Transducer;
namespace Streaming.Asr.Tests.Transducer;

/// <summary>
/// A hand-written stand-in for a transducer's networks, used only to test the search algorithms (it is not a
/// model). Each "encoder frame" is a single number, the frame's index; the joint looks up the symbol
/// probabilities for (frame, last context token) in a table and returns their logs as logits.
/// </summary>
internal sealed class TableJoint(int vocabularySize, Func<int, long, double[]> probabilities) : ITransducerJoint
{
    public int VocabularySize => vocabularySize;

    public int BlankId => 0;

    public int UnknownId { get; init; } = -1;

    public int ContextSize => 2;

    public List<long[]> Contexts { get; } = [];

    /// <summary>How many predictions each batched joint call received, in order.</summary>
    public List<int> Batches { get; } = [];

    public static float[] Frames(int count) => [.. Enumerable.Range(0, count).Select(i => (float)i)];

    public float[] PredictionOutput(ReadOnlySpan<long> context)
    {
        Contexts.Add(context.ToArray());
        return [context[^1]];
    }

    public void JointLogits(ReadOnlySpan<float> encoderFrame, float[] predictionOutput, Span<float> logits)
    {
        double[] p = probabilities((int)encoderFrame[0], (long)predictionOutput[0]);
        for (int k = 0; k < logits.Length; k++)
        {
            logits[k] = (float)Math.Log(p[k]);
        }
    }

    public void JointLogits(ReadOnlySpan<float> encoderFrame, IReadOnlyList<float[]> predictionOutputs, Span<float> logits)
    {
        Batches.Add(predictionOutputs.Count);
        for (int i = 0; i < predictionOutputs.Count; i++)
        {
            JointLogits(encoderFrame, predictionOutputs[i], logits.Slice(i * VocabularySize, VocabularySize));
        }
    }
}
