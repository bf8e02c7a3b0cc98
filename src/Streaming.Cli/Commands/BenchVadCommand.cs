using System.ComponentModel;
using System.Diagnostics;
using Spectre.Console.Cli;
using Streaming.Asr;
using Streaming.Asr.Vad;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming bench vad [FILE]</c>: streams a file through one VAD stream on one thread and prints the
/// real-time factor (so streams per core) and the managed allocations per second of audio in steady state.
/// </summary>
public sealed class BenchVadCommand : Command<BenchVadCommand.Settings>
{
    /// <summary>Arguments of <c>bench vad</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Audio to run; defaults to the bundled 60 s sample.</summary>
        [CommandArgument(0, "[FILE]")]
        [Description("WAV file (default: samples/silero-test.wav)")]
        public string? File { get; init; }

        /// <summary>Timed passes over the file.</summary>
        [CommandOption("--passes <N>")]
        [Description("Timed passes over the file after one warm-up pass (default 3)")]
        public int Passes { get; init; } = 3;

        /// <summary>Block size fed per call.</summary>
        [CommandOption("--block-ms <MS>")]
        [Description("Audio fed per call, as an ingress would deliver it (default 20)")]
        public int BlockMs { get; init; } = 20;

        /// <summary>Models folder.</summary>
        [CommandOption("--models <DIR>")]
        [Description("Models folder (default: the nearest models/ with a manifest.json)")]
        public string? Models { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Passes < 1 || settings.BlockMs < 1)
        {
            throw new CliException("--passes and --block-ms must be positive.");
        }

        var models = ModelDirectory.Locate(settings.Models);
        var file = settings.File ?? Path.Combine(models, "..", "samples", "silero-test.wav");
        var audio = VadAudio.Load(file, channel: null);
        var options = new VadOptions();
        using var model = new SileroVadModel(SileroVadModel.BundledPath(models));
        using var detector = new VoiceActivityDetector(model, options, audio.SampleRate);
        var sink = new SpeechSegmentCollector(audio.SampleRate);
        var block = audio.SampleRate * settings.BlockMs / 1000;

        // The warm-up pass lets ONNX Runtime and the JIT settle; the sink's list grows then, not later.
        Feed(detector, audio.Samples, block, sink);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        for (var pass = 0; pass < settings.Passes; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Feed(detector, audio.Samples, block, sink);
        }

        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var audioSeconds = settings.Passes * audio.Samples.Length / (double)audio.SampleRate;
        var rtf = stopwatch.Elapsed.TotalSeconds / audioSeconds;
        var windows = settings.Passes * audio.Samples.Length / (audio.SampleRate == 16000 ? 512 : 256);

        Console.WriteLine($"file: {Path.GetFullPath(file)} ({audio.SampleRate} Hz, {audio.Samples.Length / (double)audio.SampleRate:F1} s)");
        Console.WriteLine($"audio processed: {audioSeconds:F1} s in {stopwatch.Elapsed.TotalSeconds:F3} s on one thread");
        Console.WriteLine($"real-time factor: {rtf:F5}");
        Console.WriteLine($"real-time streams per core: {1 / rtf:F0}");
        Console.WriteLine($"time per window: {stopwatch.Elapsed.TotalMicroseconds / windows:F1} us");
        Console.WriteLine($"managed allocations: {allocated / audioSeconds:F1} bytes per audio second");
        Console.WriteLine($"segments per pass: {sink.Segments.Count / (settings.Passes + 1)}");
        return 0;
    }

    private static void Feed(VoiceActivityDetector detector, float[] samples, int block, SpeechSegmentCollector sink)
    {
        for (var i = 0; i < samples.Length; i += block)
        {
            detector.Accept(samples.AsSpan(i, Math.Min(block, samples.Length - i)), sink);
        }

        detector.Flush(sink);
    }
}
