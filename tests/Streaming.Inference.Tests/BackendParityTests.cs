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
    public async Task Tiny_graph_gives_the_hand_computed_answer_on_both_backends()
    {
        string path = TinyGraph.Write(Path.Combine(Path.GetTempPath(), "streaming-inference-tests", Guid.NewGuid().ToString("N")));
        float[] x = [1, 2, 3, 4, -1, 0.5f, 0, 2, 0.25f, 0.25f, -3, 1];
        var input = NamedTensor.Float("x", [3, 4], x);
        using var cpuModel = _cpu.LoadModel(path);
        using var npuModel = _npu.LoadModel(path);

        var cpu = (await cpuModel.RunAsync([input]))[0];
        var npu = (await npuModel.RunAsync([input]))[0];

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
    public async Task Silero_probabilities_over_a_real_recording_match()
    {
        var windows = SileroWindows.Read(120);
        using var cpuModel = _cpu.LoadModel(SileroWindows.ModelPath);
        using var npuModel = _npu.LoadModel(SileroWindows.ModelPath);

        var cpu = await SileroWindows.ScoreAsync(cpuModel, windows);
        var npu = await SileroWindows.ScoreAsync(npuModel, windows);

        Assert.Contains(cpu, p => p > 0.5f);
        Assert.Contains(cpu, p => p < 0.2f);
        for (int i = 0; i < cpu.Length; i++)
        {
            Assert.Equal(cpu[i], npu[i], 5);
        }
    }

    [Fact]
    public async Task Moonshine_encoder_states_on_jfk_match()
    {
        var (samples, _) = WavReader.ReadAllMono(TestPaths.InRepo("samples", "jfk.wav"));
        string encoder = Path.Combine(TestPaths.Models, "moonshine-tiny-en", "encoder_model.onnx");
        using var cpuModel = _cpu.LoadModel(encoder);
        using var npuModel = _npu.LoadModel(encoder);
        var input = NamedTensor.Float("input_values", [1, samples.Length], samples);

        var cpu = (await cpuModel.RunAsync([input]))[0];
        var npu = (await npuModel.RunAsync([input]))[0];

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

    [Fact]
    public async Task Moonshine_greedy_tokens_on_jfk_match()
    {
        // The first 4 s ("And so my fellow Americans") keep the test quick; the encoder test covers the full clip.
        var samples = WavReader.ReadAllMono(TestPaths.InRepo("samples", "jfk.wav")).Samples[..(4 * 16000)];
        string folder = Path.Combine(TestPaths.Models, "moonshine-tiny-en");
        int maxTokens = (int)Math.Ceiling(samples.Length * 6.5 / 16000);

        var cpu = await GreedyAsync(_cpu, folder, samples, maxTokens);
        var npu = await GreedyAsync(_npu, folder, samples, maxTokens);

        Assert.InRange(cpu.Count, 4, maxTokens - 1);
        Assert.Equal(cpu, npu);
    }

    /// <summary>
    /// Moonshine's KV-cached greedy loop written against the backend-neutral API only: the first step runs the
    /// no-cache branch on empty pasts, later steps feed one token with the previous self-attention cache and
    /// the first step's cross-attention cache. Returns the token ids before end-of-sequence.
    /// </summary>
    private static async Task<List<long>> GreedyAsync(IAcousticBackend backend, string folder, float[] samples, int maxTokens)
    {
        using var encoder = backend.LoadModel(Path.Combine(folder, "encoder_model.onnx"));
        using var decoder = backend.LoadModel(Path.Combine(folder, "decoder_model_merged.onnx"));
        var hidden = (await encoder.RunAsync([NamedTensor.Float("input_values", [1, samples.Length], samples)]))[0].Rename("encoder_hidden_states");
        var pastNames = decoder.InputNames.Where(n => n.StartsWith("past_key_values.", StringComparison.Ordinal)).ToArray();
        long[] emptyShape = PastShape(Path.Combine(folder, "decoder_model_merged.onnx"), pastNames[0]);
        var past = pastNames.ToDictionary(n => n, n => new NamedTensor(n, TensorElementKind.Float32, emptyShape, []));
        var tokens = new List<long>();
        long next = 1;
        bool useCache = false;
        while (tokens.Count < maxTokens)
        {
            var outputs = await decoder.RunAsync(
            [
                NamedTensor.Int64("input_ids", [1, 1], [next]),
                hidden,
                NamedTensor.Bool("use_cache_branch", [1], [useCache]),
                .. past.Values,
            ]);
            var logits = outputs[0].Span<float>();
            int vocabulary = (int)outputs[0].Shape[^1];
            next = ArgMax(logits[^vocabulary..]);
            if (next == 2)
            {
                break;
            }

            tokens.Add(next);
            for (int i = 1; i < outputs.Length; i++)
            {
                string name = outputs[i].Name.Replace("present.", "past_key_values.", StringComparison.Ordinal);
                if (!useCache || name.Contains(".decoder.", StringComparison.Ordinal))
                {
                    past[name] = outputs[i].Rename(name);
                }
            }

            useCache = true;
        }

        return tokens;
    }

    private static long[] PastShape(string decoderPath, string pastName)
    {
        using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(decoderPath);
        int[] dims = session.InputMetadata[pastName].Dimensions;
        return [1, dims[1], 0, dims[3]];
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
