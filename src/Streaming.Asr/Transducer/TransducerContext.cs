namespace Streaming.Asr.Transducer;

/// <summary>Prediction-network context conventions shared by the searches.</summary>
internal static class TransducerContext
{
    /// <summary>The start context: -1 padding (no token) followed by blank, as icefall trains it.</summary>
    public static void FillInitial(Span<long> context, int blankId)
    {
        context.Fill(-1);
        context[^1] = blankId;
    }
}
