using Streaming.Asr.Catalog;
using Streaming.Testing;

namespace Streaming.Asr.Tests.Catalog;

public sealed class ModelManifestTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("model-manifest-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void The_bundled_manifest_declares_both_english_models_and_the_mandarin_one_with_their_languages()
    {
        var manifest = ModelManifest.Read(TestPaths.Models);

        Assert.Equal(["en"], manifest.Find("moonshine-tiny-en")!.Languages);
        Assert.Equal(["en"], manifest.Find("moonshine-base-en")!.Languages);
        Assert.Equal(["zh"], manifest.Find("zipformer-wenetspeech-zh")!.Languages);
        Assert.False(manifest.Find("silero-vad")!.IsRecognizer);
        Assert.StartsWith("MIT", manifest.Find("moonshine-base-en")!.Licence);
    }

    [Fact]
    public void The_bundled_base_model_matches_its_manifest_hashes()
    {
        var manifest = ModelManifest.Read(TestPaths.Models);

        var checks = manifest.Verify(manifest.Find("moonshine-base-en")!);

        Assert.Equal(3, checks.Count);
        Assert.All(checks, c => Assert.True(c.Matches, $"{c.Path}: {c.Actual} != {c.Expected}"));
    }

    [Fact]
    public void A_changed_file_and_a_missing_file_fail_verification()
    {
        File.WriteAllText(Path.Combine(_directory.FullName, "a.txt"), "changed");
        File.WriteAllText(
            Path.Combine(_directory.FullName, ModelManifest.FileName),
            """{"models":[{"name":"m","kind":"moonshine","languages":["en"],"files":{"a.txt":"0000000000000000000000000000000000000000000000000000000000000000","b.txt":"00"}}]}""");
        var manifest = ModelManifest.Read(_directory.FullName);

        var checks = manifest.Verify(manifest.Find("m")!);

        Assert.False(checks[0].Matches);
        Assert.Equal(64, checks[0].Actual!.Length);
        Assert.Null(checks[1].Actual);
        Assert.False(checks[1].Matches);
    }

    [Fact]
    public void A_malformed_manifest_is_a_clear_error()
    {
        File.WriteAllText(Path.Combine(_directory.FullName, ModelManifest.FileName), "{not json");

        var error = Assert.Throws<InvalidDataException>(() => ModelManifest.Read(_directory.FullName));

        Assert.Contains("is not a valid model manifest", error.Message);
    }
}
