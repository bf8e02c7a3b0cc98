using Streaming.Audio;
using Streaming.Inference.Ascend;
using Streaming.Inference.OnnxRuntime;
using Streaming.Testing;

namespace Streaming.Inference.Tests;

/// <summary>The same graphs and inputs give the same outputs on ONNX Runtime CPU and on the Ascend path (shim + simulator).</summary>
[Collection(AscendSimulatorCollection.Name)]
public sealed class BackendParityTests : IDisposable
{
    private readonly OnnxRuntimeBackend _cpu = OnnxRuntimeBackend.CreateCpu(new InferenceOptions { IntraOpThreads = 1 }, new ListLogger());
    private readonly AscendBackend _npu = AscendBackend.Create(0, poolSize: 2, new ListLogger());

    public void Dispose()
    {
        _npu.Dispose();
        _cpu.Dispose();
    }

    [Fact]
    public void Tiny_graph_gives_the_hand_computed_answer_on_both_backends()
    {
        string path = TinyGraph.Write(Path.Combine(Path.GetTempPath(), "streaming-inference-tests", Guid.NewGuid().ToString("N")));
        float[] x = [1, 2, 3, 4, -1, 0.5f, 0, 2, 0.25f, 0.25f, -3, 1];
        var input = NamedTensor.Float("x", [3, 4], x);
        using var cpuModel = _cpu.LoadModel(path);
        using var npuModel = _npu.LoadModel(path);

        using var cpuOutputs = cpuModel.Run([input]);
        using var npuOutputs = npuModel.Run([input]);
        var cpu = cpuOutputs[0];
        var npu = npuOutputs[0];

        Assert.Equal([3L, 3], npu.Shape);
        Assert.Equal(cpu.Shape, npu.Shape);
        var expected = TinyGraph.Expected(x);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], cpu.Span<float>()[i], 5);
            Assert.Equal(expected[i], npu.Span<float>()[i], 5);
        }
    }

    [Fact]
    public void Silero_probabilities_over_a_real_recording_match()
    {
        var windows = SileroWindows.Read(120);
        using var cpuModel = _cpu.LoadModel(SileroWindows.ModelPath);
        using var npuModel = _npu.LoadModel(SileroWindows.ModelPath);

        var cpu = SileroWindows.Score(cpuModel, windows);
        var npu = SileroWindows.Score(npuModel, windows);

        Assert.Contains(cpu, p => p > 0.5f);
        Assert.Contains(cpu, p => p < 0.2f);
        for (int i = 0; i < cpu.Length; i++)
        {
            Assert.Equal(cpu[i], npu[i], 5);
        }
    }

    [Fact]
    public void Declared_shapes_and_custom_metadata_are_the_same_on_both_backends()
    {
        var metadata = new Dictionary<string, string> { ["model_type"] = "zipformer2", ["T"] = "39" };
        string path = TinyGraph.Write(Path.Combine(Path.GetTempPath(), "streaming-inference-tests", Guid.NewGuid().ToString("N")), metadata);
        using var cpu = _cpu.LoadModel(path);
        using var npu = _npu.LoadModel(path);

        Assert.Equal([[-1L, 4]], cpu.InputShapes);
        Assert.Equal([[-1L, 3]], cpu.OutputShapes);
        Assert.Equal(cpu.InputShapes, npu.InputShapes);
        Assert.Equal(cpu.OutputShapes, npu.OutputShapes);
        Assert.Equal(metadata, cpu.Metadata);
        Assert.Equal(metadata, npu.Metadata);
    }

    [Fact]
    public void Moonshine_encoder_states_on_jfk_match()
    {
        var (samples, _) = WavReader.ReadAllMono(TestPaths.InRepo("samples", "jfk.wav"));
        string encoder = Path.Combine(TestPaths.Models, "moonshine-tiny-en", "encoder_model.onnx");
        using var cpuModel = _cpu.LoadModel(encoder);
        using var npuModel = _npu.LoadModel(encoder);
        var input = NamedTensor.Float("input_values", [1, samples.Length], samples);

        using var cpuOutputs = cpuModel.Run([input]);
        using var npuOutputs = npuModel.Run([input]);
        var cpu = cpuOutputs[0];
        var npu = npuOutputs[0];

        // Larger than the first output buffer guess, so this also exercises the shim's output growth.
        Assert.True(npu.Data.Length > 64 * 1024);
        Assert.Equal(cpu.Shape, npu.Shape);
        var a = cpu.Span<float>();
        var b = npu.Span<float>();
        float worst = 0;
        for (int i = 0; i < a.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(a[i] - b[i]));
        }

        Assert.True(worst < 1e-4f, $"largest difference {worst}");
    }
}
