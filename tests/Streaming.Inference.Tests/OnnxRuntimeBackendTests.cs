using Streaming.Inference.OnnxRuntime;

namespace Streaming.Inference.Tests;

public sealed class OnnxRuntimeBackendTests
{
    [Fact]
    public async Task Optimised_graphs_are_cached_on_disk_reused_and_rebuilt_when_torn()
    {
        string cache = Path.Combine(Path.GetTempPath(), "streaming-inference-tests", Guid.NewGuid().ToString("N"));
        var logger = new ListLogger();
        var options = new InferenceOptions { IntraOpThreads = 1, OptimizedModelCacheDirectory = cache };
        using var backend = OnnxRuntimeBackend.CreateCpu(options, logger);
        var windows = SileroWindows.Read(10, offset: 40);

        float[] first;
        using (var model = backend.LoadModel(SileroWindows.ModelPath))
        {
            first = SileroWindows.Score(model, windows);
        }

        string cached = Assert.Single(Directory.GetFiles(cache, "silero_vad.*.ort.onnx"));
        using (var fromCache = backend.LoadModel(SileroWindows.ModelPath))
        {
            Assert.Equal(first, SileroWindows.Score(fromCache, windows));
        }

        await File.WriteAllBytesAsync(cached, [1, 2, 3]);
        using (var rebuilt = backend.LoadModel(SileroWindows.ModelPath))
        {
            Assert.Equal(first, SileroWindows.Score(rebuilt, windows));
        }

        Assert.Contains(logger.Lines, l => l.Contains("unusable; rebuilding"));
        Assert.True(new FileInfo(cached).Length > 3);
    }

    [Fact]
    public void Cpu_status_reports_process_memory_and_runs_continue_after_a_cache_release()
    {
        using var backend = OnnxRuntimeBackend.CreateCpu(new InferenceOptions { IntraOpThreads = 1 }, new ListLogger());
        using var model = backend.LoadModel(SileroWindows.ModelPath);
        var windows = SileroWindows.Read(5, offset: 60);
        var before = SileroWindows.Score(model, windows);

        backend.ReleaseCache();
        var after = SileroWindows.Score(model, windows);
        var status = backend.GetStatus();

        Assert.Equal(before, after);
        Assert.Equal("cpu", status.Kind);
        Assert.True(status.MemoryUsedBytes > 0 && status.MemoryUsedBytes < status.MemoryTotalBytes);
    }

    [Fact]
    public void Missing_and_wrongly_typed_inputs_are_named_in_the_error()
    {
        using var backend = OnnxRuntimeBackend.CreateCpu(new InferenceOptions { IntraOpThreads = 1 }, new ListLogger());
        using var model = backend.LoadModel(SileroWindows.ModelPath);
        var inputs = SileroWindows.Inputs(new float[576], SileroWindows.InitialState());

        var missing = Assert.Throws<ArgumentException>(() => model.Run(inputs[..2]));
        Assert.Contains("'sr' is missing", missing.Message);
        var wrongType = Assert.Throws<ArgumentException>(
            () => model.Run([inputs[0], inputs[1], NamedTensor.Float("sr", [], [16000f])]));
        Assert.Contains("'sr' must be Int64", wrongType.Message);
        Assert.Throws<FileNotFoundException>(() => backend.LoadModel("/nonexistent/model.onnx"));
    }
}
