using Streaming.Asr.Vad;
using Streaming.Pipeline;
using Streaming.Testing;

namespace Streaming.Jobs.Tests;

/// <summary>The real engine (Silero VAD + bundled Moonshine tiny), loaded once and shared by every host the tests start.</summary>
public sealed class EngineFixture : IDisposable
{
    public SpeechEngine Engine { get; } = SpeechEngine.Load(
        new SpeechEngineOptions { ModelsDirectory = TestPaths.Models, Models = ["moonshine-tiny-en"] },
        new VadOptions(),
        new PipelineOptions());

    public void Dispose() => Engine.Dispose();
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>, ICollectionFixture<PostgresCluster>
{
    public const string Name = "engine";
}
