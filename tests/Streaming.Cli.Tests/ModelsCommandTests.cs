using System.Text.Json;
using Streaming.Testing;

namespace Streaming.Cli.Tests;

/// <summary><c>streaming models list|verify</c> and the model and language options of the engine commands, as a real process.</summary>
public sealed class ModelsCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("models-cli-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Models_list_shows_every_bundled_model_with_languages_licence_and_matching_files()
    {
        var result = await CliProcess.RunAsync(["models", "list", "--json"]);

        Assert.Equal(0, result.ExitCode);
        var rows = JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(["silero-vad", "moonshine-tiny-en", "moonshine-base-en", "zipformer-wenetspeech-zh"], rows.Keys);
        Assert.All(rows.Values, r => Assert.True(r.GetProperty("filesMatch").GetBoolean()));
        Assert.Equal("transducer", rows["zipformer-wenetspeech-zh"].GetProperty("kind").GetString());
        Assert.Equal("zh", rows["zipformer-wenetspeech-zh"].GetProperty("languages")[0].GetString());
        Assert.StartsWith("Apache-2.0", rows["zipformer-wenetspeech-zh"].GetProperty("licence").GetString());
    }

    [Fact]
    public async Task Models_verify_passes_on_the_bundled_models_and_fails_naming_a_changed_file()
    {
        File.WriteAllText(Path.Combine(_directory.FullName, "vocab.txt"), "edited");
        File.WriteAllText(
            Path.Combine(_directory.FullName, "manifest.json"),
            """{"models":[{"name":"m","kind":"moonshine","languages":["en"],"files":{"vocab.txt":"0f97b4337921e6e7e9b4620fc73338ee570aecd3c16038bc23870a887e995045"}}]}""");

        var bundled = await CliProcess.RunAsync(["models", "verify"]);
        var changed = await CliProcess.RunAsync(["models", "verify", "--models", _directory.FullName]);

        Assert.Equal(0, bundled.ExitCode);
        Assert.Contains("ok       moonshine-base-en/decoder_model_merged.onnx", bundled.Stdout);
        Assert.Equal(1, changed.ExitCode);
        Assert.Contains("MISMATCH", changed.Stdout);
        Assert.Contains("vocab.txt", changed.Stdout);
    }

    [Fact]
    public async Task Transcribe_refuses_a_language_its_model_does_not_serve_with_the_installed_list()
    {
        var result = await CliProcess.RunAsync(["transcribe", TestPaths.InRepo("samples", "jfk.wav"), "--lang", "zh"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: Model 'moonshine-tiny-en' serves en, not 'zh'. Installed models: moonshine-tiny-en (en).", result.Stderr);
    }

    [Fact]
    public async Task Transcribe_with_the_mandarin_model_routes_to_the_transducer_and_prints_text()
    {
        var result = await CliProcess.RunAsync(
            ["transcribe", TestPaths.InRepo("models", "zipformer-wenetspeech-zh", "test_wavs", "0.wav"), "--model", "zipformer-wenetspeech-zh", "--lang", "zh"]);

        Assert.Equal(0, result.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(result.Stdout));
    }
}
