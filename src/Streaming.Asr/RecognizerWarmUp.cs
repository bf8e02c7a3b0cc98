namespace Streaming.Asr;

/// <summary>
/// Runs a freshly loaded recogniser once on silence, so a model whose files load but whose graph fails on
/// real input (an upstream export bug) is refused at load time, with the runtime's error naming the failing
/// node, instead of failing the first session that uses it.
/// </summary>
public static class RecognizerWarmUp
{
    /// <summary>Seconds of silence fed: more than one encoder chunk of every supported model.</summary>
    public const double Seconds = 1.0;

    /// <summary>Decodes <see cref="Seconds"/> of silence; throws <see cref="RecognizerWarmUpException"/> when the model cannot.</summary>
    public static void Run(IRecognizerModel model, string name)
    {
        try
        {
            using var stream = model.CreateStream();
            stream.AcceptAudio(new float[(int)(16000 * Seconds)]);
            stream.GetPartial();
            stream.Finish();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new RecognizerWarmUpException(name, ex);
        }
    }
}

/// <summary>A recogniser loaded but failed its warm-up run on silence; the message names the model and the runtime's error.</summary>
public sealed class RecognizerWarmUpException : Exception
{
    /// <summary>Creates the exception for model <paramref name="model"/>, whose run failed with <paramref name="cause"/>.</summary>
    public RecognizerWarmUpException(string model, Exception cause)
        : base($"Model '{model}' loads but cannot run: its warm-up on {RecognizerWarmUp.Seconds:0.#} s of silence failed: {cause.GetBaseException().Message}", cause)
    {
        Model = model;
    }

    /// <summary>The refused model.</summary>
    public string Model { get; }
}
