using Streaming.Testing;

namespace Streaming.Asr.Tests;

public sealed class RecognizerWarmUpTests
{
    // Upstream's English sibling of the bundled Mandarin model: its int8 encoder fails on the first chunk.
    internal static readonly string BrokenModel = Path.GetFullPath(Path.Combine(
        TestPaths.RepoRoot, "..", "shared", "models", "kws", "sherpa-onnx-kws-zipformer-gigaspeech-3.3M-2024-01-01-mobile"));

    [Fact]
    public void A_model_that_loads_but_cannot_run_fails_its_warm_up_naming_the_model_and_the_failing_node()
    {
        using var model = RecognizerModelLoader.Load(BrokenModel);

        var error = Assert.Throws<RecognizerWarmUpException>(() => RecognizerWarmUp.Run(model, "gigaspeech-kws"));

        Assert.Equal("gigaspeech-kws", error.Model);
        Assert.StartsWith("Model 'gigaspeech-kws' loads but cannot run", error.Message);
        Assert.Contains("/downsample/Reshape_1", error.Message);
    }

    [Fact]
    public void A_working_model_passes_its_warm_up()
    {
        using var model = RecognizerModelLoader.Load(Path.Combine(TestPaths.Models, "zipformer-wenetspeech-zh"));

        var exception = Record.Exception(() => RecognizerWarmUp.Run(model, "zipformer-wenetspeech-zh"));

        Assert.Null(exception);
    }
}
