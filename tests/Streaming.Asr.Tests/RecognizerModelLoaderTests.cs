using Streaming.Asr.Moonshine;
using Streaming.Asr.Transducer;
using Streaming.Testing;
namespace Streaming.Asr.Tests;

public sealed class RecognizerModelLoaderTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("asr-loader-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void EmptyDirectoryNamesBothExpectedLayouts()
    {
        var error = Assert.Throws<InvalidDataException>(() => RecognizerModelLoader.Load(_directory.FullName));
        Assert.Contains("encoder_model.onnx", error.Message, StringComparison.Ordinal);
        Assert.Contains("joiner*.onnx", error.Message, StringComparison.Ordinal);
        Assert.Contains("tokens.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongFilesAreListedInTheError()
    {
        File.WriteAllText(Path.Combine(_directory.FullName, "model.bin"), "x");
        File.WriteAllText(Path.Combine(_directory.FullName, "encoder_model.onnx"), "x");
        var error = Assert.Throws<InvalidDataException>(() => RecognizerModelLoader.Load(_directory.FullName));
        Assert.Contains("model.bin", error.Message, StringComparison.Ordinal);
        Assert.Contains("No joiner*.onnx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingDirectoryIsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => RecognizerModelLoader.Load(Path.Combine(_directory.FullName, "absent")));
    }

    [Fact]
    public void TransducerFilesPreferInt8AndRejectAmbiguity()
    {
        foreach (string name in new[] { "encoder-epoch-99.onnx", "encoder-epoch-99.int8.onnx", "decoder-epoch-99.onnx", "joiner-epoch-99.int8.onnx", "tokens.txt" })
        {
            File.WriteAllText(Path.Combine(_directory.FullName, name), "x");
        }

        Assert.True(TransducerModelFiles.TryFind(_directory.FullName, out var files, out _));
        Assert.EndsWith("encoder-epoch-99.int8.onnx", files.Encoder, StringComparison.Ordinal);
        Assert.EndsWith("decoder-epoch-99.onnx", files.Decoder, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_directory.FullName, "encoder-epoch-1.int8.onnx"), "x");
        Assert.False(TransducerModelFiles.TryFind(_directory.FullName, out _, out string? problem));
        Assert.Contains("encoder", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadsMoonshineFromTheRepository()
    {
        using var model = RecognizerModelLoader.Load(Path.Combine(TestPaths.Models, "moonshine-tiny-en"));
        Assert.IsType<MoonshineModel>(model);
        Assert.Equal("moonshine:moonshine-tiny-en", model.Name);
    }

    [Fact]
    public void InvalidOptionsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new RecognizerOptions { DecodingMethod = "beam" }.Validate());
        Assert.Throws<ArgumentException>(() => new RecognizerOptions { BeamSize = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new RecognizerOptions { HotwordBoost = 0 }.Validate());
    }
}
