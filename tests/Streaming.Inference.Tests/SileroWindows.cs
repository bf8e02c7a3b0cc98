using Streaming.Audio;
using Streaming.Testing;

namespace Streaming.Inference.Tests;

/// <summary>Silero VAD inputs built from a real recording: 64 context + 512 new samples per window, 16 kHz.</summary>
internal static class SileroWindows
{
    public const int Window = 512;
    public const int Context = 64;

    public static string ModelPath => Path.Combine(TestPaths.Models, "vad", "silero_vad.onnx");

    public static readonly IReadOnlyDictionary<string, int> InputAxes = new Dictionary<string, int> { ["input"] = 0, ["state"] = 1 };
    public static readonly IReadOnlyDictionary<string, int> OutputAxes = new Dictionary<string, int> { ["output"] = 0, ["stateN"] = 1 };

    /// <summary>The first <paramref name="count"/> windows of samples/silero-test.wav starting at <paramref name="offset"/> windows.</summary>
    public static float[][] Read(int count, int offset = 0)
    {
        var (samples, rate) = WavReader.ReadAllMono(TestPaths.InRepo("samples", "silero-test.wav"));
        Assert.Equal(16000, rate);
        var windows = new float[count][];
        for (int w = 0; w < count; w++)
        {
            windows[w] = new float[Context + Window];
            int start = ((offset + w) * Window) - Context;
            for (int i = 0; i < windows[w].Length; i++)
            {
                int source = start + i;
                windows[w][i] = source >= 0 && source < samples.Length ? samples[source] : 0;
            }
        }

        return windows;
    }

    public static NamedTensor[] Inputs(float[] window, NamedTensor state) =>
    [
        NamedTensor.Float("input", [1, window.Length], window),
        state.Rename("state"),
        NamedTensor.Int64("sr", [], [16000]),
    ];

    public static NamedTensor InitialState() => NamedTensor.Float("state", [2, 1, 128], new float[256]);

    /// <summary>Scores the windows in order on one model, carrying the state; returns the probabilities.</summary>
    public static float[] Score(IAcousticModel model, float[][] windows) =>
        ScoreAsync(inputs => Task.FromResult(model.Run(inputs)), windows).GetAwaiter().GetResult();

    /// <summary>Scores the windows in order through <paramref name="run"/> (a model or a scheduler), carrying the state.</summary>
    public static async Task<float[]> ScoreAsync(Func<IReadOnlyList<NamedTensor>, Task<ModelOutputs>> run, float[][] windows)
    {
        var state = InitialState();
        var probabilities = new float[windows.Length];
        ModelOutputs? previous = null;
        for (int w = 0; w < windows.Length; w++)
        {
            var outputs = await run(Inputs(windows[w], state));
            previous?.Dispose();
            previous = outputs;
            probabilities[w] = outputs[0].Span<float>()[0];
            state = outputs[1];
        }

        previous?.Dispose();
        return probabilities;
    }
}
