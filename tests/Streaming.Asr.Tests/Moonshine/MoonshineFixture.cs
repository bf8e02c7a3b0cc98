using Streaming.Asr.Moonshine;
using Streaming.Testing;
namespace Streaming.Asr.Tests.Moonshine;

/// <summary>Loads the real Moonshine model once for all tests that use it.</summary>
public sealed class MoonshineFixture : IDisposable
{
    public MoonshineFixture() => Model = MoonshineModel.Load(Path.Combine(TestPaths.Models, "moonshine-tiny-en"));

    internal MoonshineModel Model { get; }

    public string Transcribe(float[] samples)
    {
        using var stream = Model.CreateStream();
        stream.AcceptAudio(samples);
        return stream.Finish().Text;
    }

    public void Dispose() => Model.Dispose();
}

[CollectionDefinition(Name)]
public sealed class MoonshineCollection : ICollectionFixture<MoonshineFixture>
{
    public const string Name = "moonshine";
}
