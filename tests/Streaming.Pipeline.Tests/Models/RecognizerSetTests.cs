using Streaming.Asr.Vad;
using Streaming.Pipeline.Models;
using Streaming.Testing;

namespace Streaming.Pipeline.Tests.Models;

public sealed class RecognizerSetTests
{
    private const string Broken = "sherpa-onnx-kws-zipformer-gigaspeech-3.3M-2024-01-01-mobile";
    private static readonly string BrokenPath = Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "models", "kws", Broken));

    [Fact]
    public void A_model_that_cannot_run_is_refused_at_load_naming_the_failing_node_while_the_others_serve_their_languages()
    {
        var log = new List<string>();
        using var engine = SpeechEngine.Load(
            new SpeechEngineOptions
            {
                ModelsDirectory = TestPaths.Models,
                Models = ["moonshine-tiny-en", "zipformer-wenetspeech-zh", BrokenPath],
                ModelLanguages = new() { [Broken] = "en" },
            },
            new VadOptions(),
            new PipelineOptions(),
            log: log.Add);

        Assert.Equal(["moonshine-tiny-en", "zipformer-wenetspeech-zh"], engine.Recognizers.Select(r => r.Info.Name));
        Assert.Contains("/downsample/Reshape_1", engine.Models.Unavailable[Broken]);
        Assert.Contains(log, l => l.Contains(Broken, StringComparison.Ordinal) && l.Contains("/downsample/Reshape_1", StringComparison.Ordinal));
        var refusal = Assert.Throws<ModelChoiceException>(() => engine.Models.Resolve("en", Broken));
        Assert.Contains("/downsample/Reshape_1", refusal.Message);
        Assert.Equal(new ModelChoice("zh", "zipformer-wenetspeech-zh"), engine.Models.Resolve("zh", null));
        Assert.StartsWith("transducer:", engine.RecognizerFor("zipformer-wenetspeech-zh").Model.Name);
        Assert.Equal("moonshine:moonshine-tiny-en", engine.RecognizerName);
    }

    [Fact]
    public void A_model_outside_the_manifest_without_declared_languages_is_a_clear_start_up_error()
    {
        var error = Assert.Throws<ArgumentException>(() => SpeechEngine.Load(
            new SpeechEngineOptions { ModelsDirectory = TestPaths.Models, Models = [BrokenPath] },
            new VadOptions(),
            new PipelineOptions()));

        Assert.Contains($"Engine:ModelLanguages:{Broken}", error.Message);
    }
}
