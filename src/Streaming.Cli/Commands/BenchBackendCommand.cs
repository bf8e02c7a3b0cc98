using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console.Cli;
using Streaming.Asr;
using Streaming.Inference;
using Streaming.Inference.Ascend;
using Streaming.Inference.OnnxRuntime;
using Streaming.Inference.Scheduling;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming bench backend</c>: many concurrent Silero VAD streams over real audio, first one call per
/// window on each backend (ONNX Runtime CPU, Ascend through the shim for several pool sizes), then through
/// the <see cref="InferenceScheduler{TRequest, TResult}"/> without and with batching. Prints windows per
/// second and mean latency per window.
/// </summary>
public sealed class BenchBackendCommand : AsyncCommand<BenchBackendCommand.Settings>
{
    private const int Window = 512;
    private const int Context = 64;

    private static readonly Dictionary<string, int> InputAxes = new() { ["input"] = 0, ["state"] = 1 };
    private static readonly Dictionary<string, int> OutputAxes = new() { ["output"] = 0, ["stateN"] = 1 };

    /// <summary>Arguments of <c>bench backend</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Concurrent streams.</summary>
        [CommandOption("--streams <N>")]
        [Description("Concurrent VAD streams (default 32)")]
        public int Streams { get; init; } = 32;

        /// <summary>Windows each stream scores.</summary>
        [CommandOption("--windows <N>")]
        [Description("32 ms windows scored per stream (default 60)")]
        public int Windows { get; init; } = 60;

        /// <summary>Ascend pool sizes to compare.</summary>
        [CommandOption("--pool-sizes <LIST>")]
        [Description("Comma-separated Ascend pool sizes (default 1,2,4)")]
        public string PoolSizes { get; init; } = "1,2,4";

        /// <summary>Largest batch of the batched runs.</summary>
        [CommandOption("--batch <N>")]
        [Description("Max batch size of the batched runs (default 32)")]
        public int Batch { get; init; } = 32;

        /// <summary>Models folder.</summary>
        [CommandOption("--models <DIR>")]
        [Description("Models folder (default: the nearest models/ with a manifest.json)")]
        public string? Models { get; init; }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        int[] poolSizes;
        try
        {
            poolSizes = [.. settings.PoolSizes.Split(',', StringSplitOptions.TrimEntries).Select(int.Parse)];
        }
        catch (FormatException)
        {
            throw new CliException($"--pool-sizes '{settings.PoolSizes}' must be comma-separated integers.");
        }

        if (settings.Streams < 1 || settings.Windows < 1 || settings.Batch < 1 || poolSizes.Any(p => p < 1))
        {
            throw new CliException("--streams, --windows, --batch and every pool size must be positive.");
        }

        var models = ModelDirectory.Locate(settings.Models);
        string vad = Path.Combine(models, "vad", "silero_vad.onnx");
        var audio = VadAudio.Load(Path.Combine(models, "..", "samples", "silero-test.wav"), channel: null);
        var windows = Windows(audio.Samples, settings.Streams, settings.Windows);
        Console.WriteLine($"{settings.Streams} streams x {settings.Windows} Silero windows, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"run",-40} {"windows/s",10} {"ms/window",10} {"calls",7}");

        var log = NullLogger.Instance;
        using var cpu = OnnxRuntimeBackend.CreateCpu(new InferenceOptions { IntraOpThreads = 1 }, log);
        using (var model = cpu.LoadModel(vad))
        {
            await ReportAsync("cpu, one call per window", windows, inputs => Task.FromResult(model.Run(inputs, cancellationToken: cancellationToken)), () => null);
            foreach (int batch in new[] { 1, settings.Batch })
            {
                await using var scheduler = Scheduler(model, batch, concurrency: 1);
                await ReportAsync($"cpu, scheduler max batch {batch}", windows, inputs => scheduler.SubmitAsync(inputs, cancellationToken), () => scheduler.Batches);
            }
        }

        foreach (int size in poolSizes)
        {
            using var npu = AscendBackend.Create(0, size, log);
            string name = npu.IsSimulator ? "npu-sim" : "npu";
            using var model = npu.LoadModel(vad);
            await ReportAsync($"{name} pool {size}, one call per window", windows, inputs => Task.FromResult(model.Run(inputs, cancellationToken: cancellationToken)), () => null);
            await using var scheduler = Scheduler(model, settings.Batch, concurrency: size);
            await ReportAsync($"{name} pool {size}, scheduler max batch {settings.Batch}", windows, inputs => scheduler.SubmitAsync(inputs, cancellationToken), () => scheduler.Batches);
        }

        return 0;
    }

    private static InferenceScheduler<IReadOnlyList<NamedTensor>, ModelOutputs> Scheduler(IAcousticModel model, int batch, int concurrency) =>
        new(new ModelBatchExecutor(model, InputAxes, OutputAxes), new BatchingOptions
        {
            MaxBatchSize = batch,
            MaxWait = TimeSpan.FromMilliseconds(1),
            Concurrency = concurrency,
            QueueCapacity = 4096,
        });

    /// <summary>Runs every stream concurrently, each window after the previous (its state feeds the next), and prints the rates.</summary>
    private static async Task ReportAsync(string name, float[][][] windows, Func<IReadOnlyList<NamedTensor>, Task<ModelOutputs>> run, Func<long?> calls)
    {
        // One warm-up window per stream lets ONNX Runtime and the JIT settle.
        foreach (var warm in await Task.WhenAll(windows.Select(stream => run(Inputs(stream[0], InitialState())))))
        {
            warm.Dispose();
        }

        long? callsBefore = calls();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(windows.Select(stream => Task.Run(async () =>
        {
            var state = InitialState();
            ModelOutputs? previous = null;
            foreach (var window in stream)
            {
                var outputs = await run(Inputs(window, state));
                previous?.Dispose();
                previous = outputs;
                state = outputs[1];
            }

            previous?.Dispose();
        })));
        clock.Stop();
        int total = windows.Length * windows[0].Length;
        string callText = calls() is long after && callsBefore is long before ? (after - before).ToString() : "-";
        Console.WriteLine($"{name,-40} {total / clock.Elapsed.TotalSeconds,10:F0} {clock.Elapsed.TotalMilliseconds * windows.Length / total,10:F3} {callText,7}");
    }

    private static NamedTensor InitialState() => NamedTensor.Float("state", [2, 1, 128], new float[256]);

    private static NamedTensor[] Inputs(float[] window, NamedTensor state) =>
    [
        NamedTensor.Float("input", [1, window.Length], window),
        state.Name == "state" ? state : state.Rename("state"),
        NamedTensor.Int64("sr", [], [16000]),
    ];

    /// <summary>Per stream, consecutive windows (with context) from a different place in the recording.</summary>
    private static float[][][] Windows(float[] samples, int streams, int count)
    {
        int hops = Math.Max(1, (samples.Length / Window) - count);
        var result = new float[streams][][];
        for (int s = 0; s < streams; s++)
        {
            int first = s * 37 % hops;
            result[s] = new float[count][];
            for (int w = 0; w < count; w++)
            {
                var window = new float[Context + Window];
                int start = ((first + w) * Window) - Context;
                for (int i = 0; i < window.Length; i++)
                {
                    int source = start + i;
                    window[i] = source >= 0 && source < samples.Length ? samples[source] : 0;
                }

                result[s][w] = window;
            }
        }

        return result;
    }
}
