using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using Spectre.Console.Cli;
using Streaming.Audio;
using Streaming.Pipeline;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming bench asr [--lang zh] --streams N [--paced|--unpaced] [FILE]</c>: N concurrent sessions through the
/// full pipeline, paced at real time (live clients) or unpaced (throughput), printing RTF, streams per core and
/// partial/final latency. <c>--lang zh</c> without <c>--model</c> benches the bundled Mandarin Zipformer on its
/// test_wavs/3.wav. <c>--decoder-only</c> instead decodes FILE (or every wav of a folder) through the recogniser
/// alone, one file after another on one thread, fed whole then finished: the figure loadtests/sherpa-ratio.sh
/// sets beside sherpa-onnx's. <c>--sequential N</c> instead opens and closes N sessions one after another and
/// prints managed heap and resident memory before and after, to show per-session resources are released.
/// </summary>
public sealed class BenchAsrCommand : AsyncCommand<BenchAsrCommand.Settings>
{

    /// <summary>Arguments of <c>bench asr</c>.</summary>
    public sealed class Settings : EngineSettings
    {
        /// <summary>Audio each stream sends.</summary>
        [CommandArgument(0, "[FILE]")]
        [Description("WAV file each stream sends (default: samples/jfk.wav); with --decoder-only also a folder of wavs")]
        public string? File { get; init; }

        /// <summary>Time the recogniser alone.</summary>
        [CommandOption("--decoder-only")]
        [Description("Decode FILE (or each wav of a folder) with the recogniser alone, no VAD or pipeline, on this thread; print RTF")]
        public bool DecoderOnly { get; init; }

        /// <summary>Concurrent streams.</summary>
        [CommandOption("--streams <N>")]
        [Description("Concurrent streams (default 1)")]
        public int Streams { get; init; } = 1;

        /// <summary>Send at real time.</summary>
        [CommandOption("--paced")]
        [Description("Send audio at real time, as live clients do (latency figures); default: as fast as possible (throughput)")]
        public bool Paced { get; init; }

        /// <summary>Send as fast as possible (the default, stated explicitly).</summary>
        [CommandOption("--unpaced")]
        [Description("Send audio as fast as the pipeline takes it (throughput; the default)")]
        public bool Unpaced { get; init; }

        /// <summary>Sessions to run one after another for the memory check.</summary>
        [CommandOption("--sequential <N>")]
        [Description("Open and close N sessions one after another and print memory before and after")]
        public int Sequential { get; init; }

        /// <summary>Use only the start of the file.</summary>
        [CommandOption("--max-seconds <S>")]
        [Description("Send only the first S seconds of the file (default: all of it)")]
        public double? MaxSeconds { get; init; }

        /// <summary>Packet length.</summary>
        [CommandOption("--packet-ms <MS>")]
        [Description("Audio per packet (default 100)")]
        public int PacketMs { get; init; } = 100;
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Streams < 1 || settings.PacketMs < 1 || settings.Sequential < 0 || settings.MaxSeconds <= 0)
        {
            throw new CliException("--streams, --packet-ms, --sequential and --max-seconds must be positive.");
        }

        if (settings.Paced && settings.Unpaced)
        {
            throw new CliException("--paced and --unpaced exclude each other.");
        }

        var models = Asr.ModelDirectory.Locate(settings.Models);
        if (settings.Language == "zh")
        {
            settings.PreferMandarin();
        }

        var file = settings.File ?? (settings.Model == ModelSettings.MandarinModel
            ? Path.Combine(models, ModelSettings.MandarinModel, "test_wavs", "3.wav")
            : Path.Combine(models, "..", "samples", "jfk.wav"));
        if (settings.DecoderOnly)
        {
            return RunDecoderOnly(settings, file);
        }

        var (samples, rate) = WavReader.ReadAllMono(file);
        if (settings.MaxSeconds is { } seconds && seconds * rate < samples.Length)
        {
            samples = samples[..(int)(seconds * rate)];
        }

        using var engine = settings.LoadEngine();

        // Warm-up: one unmeasured stream so JIT and ONNX Runtime start-up are not counted.
        await RunStreamAsync(engine, samples, rate, settings, paced: false, cancellationToken);
        if (settings.Sequential > 0)
        {
            return await RunSequentialAsync(engine, samples, rate, settings, cancellationToken);
        }

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, settings.Streams)
            .Select(_ => Task.Run(() => RunStreamAsync(engine, samples, rate, settings, settings.Paced, cancellationToken), cancellationToken)));
        clock.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;

        var audioSeconds = settings.Streams * samples.Length / (double)rate;
        var partials = results.SelectMany(r => r.PartialLatencies).Order().ToArray();
        var finals = results.SelectMany(r => r.FinalLatencies).Order().ToArray();
        Console.WriteLine($"model: {engine.RecognizerName} on {engine.Backend.Name} ({engine.Backend.Runtime}); file: {Path.GetFullPath(file)} ({samples.Length / (double)rate:F2} s)");
        Console.WriteLine($"streams: {settings.Streams} ({(settings.Paced ? "paced at real time" : "unpaced")}), packets {settings.PacketMs} ms, partial every {settings.PartialMs} ms of speech, {Environment.ProcessorCount} cores");
        Console.WriteLine($"wall: {clock.Elapsed.TotalSeconds:F2} s for {audioSeconds:F1} s of audio; CPU time {cpu:F2} s");
        Console.WriteLine($"RTF (CPU time / audio): {cpu / audioSeconds:F4}; real-time streams per core: {audioSeconds / cpu:F1}");
        Console.WriteLine($"throughput: {audioSeconds / clock.Elapsed.TotalSeconds:F1} x real time");
        Console.WriteLine($"partial latency ms (n={partials.Length}): {Percentiles(partials)}");
        Console.WriteLine($"final latency ms (n={finals.Length}): {Percentiles(finals)}");
        Console.WriteLine($"errors: {results.Count(r => r.Error is not null)}");
        foreach (var error in results.Select(r => r.Error).OfType<string>().Distinct())
        {
            Console.WriteLine($"  {error}");
        }

        return 0;
    }

    private static int RunDecoderOnly(Settings settings, string path)
    {
        string[] files = Directory.Exists(path) ? [.. Directory.GetFiles(path, "*.wav").Order(StringComparer.Ordinal)] : [path];
        var wavs = files.Select(f => WavReader.ReadAllMono(f)).ToList();
        if (wavs.Count == 0 || wavs.Any(c => c.SampleRate != 16000))
        {
            throw new CliException($"--decoder-only needs 16 kHz wav files; '{path}' has {(wavs.Count == 0 ? "none" : "others")}.");
        }

        var clips = wavs.Select(c => c.Samples).ToList();

        using var engine = settings.LoadEngine();
        var recognizer = engine.Recognizer ?? throw new CliException("--decoder-only needs a recognition model.");
        using var stream = recognizer.CreateStream();

        // Warm-up: one untimed pass over every file, as a server is warm. Tiered JIT re-compiles the hot path after
        // it has run a while, and ONNX Runtime's arena grows to the longest file; one file is not enough for either.
        DecodeAll(stream, clips);

        var audioSeconds = clips.Sum(c => c.Length / 16000.0);
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var finals = DecodeAll(stream, clips);
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jitted;
        var conversion = TimeTextAssembly(recognizer, finals);

        Console.WriteLine($"model: {engine.RecognizerName} ({settings.Model}), decoder only, one thread; {files.Length} files, {audioSeconds:F1} s of audio; timed after one untimed pass over them ({jitted} methods JIT-compiled in the timed pass)");
        Console.WriteLine($"managed allocation: {allocated / 1024.0 / audioSeconds:F1} KiB per audio second ({allocated / 1048576.0:F1} MiB in all)");
        Console.WriteLine($"wall: {clock.Elapsed.TotalSeconds:F3} s; CPU time {cpu:F3} s (tokens and text)");
        Console.WriteLine($"RTF (wall / audio): {clock.Elapsed.TotalSeconds / audioSeconds:F4}; RTF (CPU time / audio): {cpu / audioSeconds:F4}");
        if (conversion is { } text)
        {
            // The finals' text assembly (pinyin → 汉字 for a pinyin vocabulary) timed again alone on the same tokens:
            // sherpa-onnx emits tokens only, so token decoding is what compares like for like.
            Console.WriteLine($"text assembly of the finals: CPU time {text:F3} s, RTF {text / audioSeconds:F5}");
            Console.WriteLine($"token decoding: CPU time {cpu - text:F3} s, RTF (token CPU time / audio): {(cpu - text) / audioSeconds:F4}");
        }

        return 0;
    }

    // Each clip fed whole, then finished: the stream's final of every clip.
    private static List<Asr.RecognitionResult> DecodeAll(Asr.IRecognitionStream stream, List<float[]> clips)
    {
        var finals = new List<Asr.RecognitionResult>(clips.Count);
        foreach (var samples in clips)
        {
            stream.AcceptAudio(samples);
            finals.Add(stream.Finish());
        }

        return finals;
    }

    // CPU seconds the model's text assembler takes to build the finals' text again from their tokens, as Finish did;
    // null when the recogniser is not a transducer (its text is not a separate step).
    private static double? TimeTextAssembly(Asr.IRecognizerModel recognizer, List<Asr.RecognitionResult> finals)
    {
        if (!FinalTextAssembly.Applies(recognizer))
        {
            return null;
        }

        var before = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var final in finals)
        {
            FinalTextAssembly.Reassemble(recognizer, final);
        }

        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
    }

    private static async Task<int> RunSequentialAsync(SpeechEngine engine, float[] samples, int rate, Settings settings, CancellationToken cancellationToken)
    {
        Console.WriteLine($"model: {engine.RecognizerName}; {settings.Sequential} sessions one after another, {samples.Length / (double)rate:F2} s of audio each");
        var before = MemorySnapshot.Take();
        Console.WriteLine($"before: {before}");
        var clock = Stopwatch.StartNew();
        var errors = 0;
        var checkpoint = Math.Max(1, settings.Sequential / 4);
        for (var i = 1; i <= settings.Sequential; i++)
        {
            var result = await RunStreamAsync(engine, samples, rate, settings, paced: false, cancellationToken);
            errors += result.Error is null ? 0 : 1;
            if (i % checkpoint == 0 || i == settings.Sequential)
            {
                Console.WriteLine($"after {i,5}: {MemorySnapshot.Take()} ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        }

        var after = MemorySnapshot.Take();
        Console.WriteLine($"growth: managed {(after.ManagedBytes - before.ManagedBytes) / 1024.0:F0} KiB, RSS {(after.ResidentBytes - before.ResidentBytes) / 1048576.0:F1} MiB; errors: {errors}");
        return 0;
    }

    private static string Percentiles(double[] sorted) => sorted.Length == 0
        ? "none"
        : $"p50 {Percentile.Of(sorted, 0.50):F0}, p95 {Percentile.Of(sorted, 0.95):F0}, p99 {Percentile.Of(sorted, 0.99):F0}, max {sorted[^1]:F0}";

    /// <summary>
    /// Latency of a result = when it arrived − when the last audio it covers had been sent. For a final that
    /// includes the VAD's end-of-speech wait, as a user experiences it.
    /// </summary>
    private static async Task<StreamResult> RunStreamAsync(SpeechEngine engine, float[] samples, int rate, Settings settings, bool paced, CancellationToken cancellationToken)
    {
        var sent = new ConcurrentQueue<(long Position, long Ticks)>();
        var partials = new List<double>();
        var finals = new List<double>();
        await using var pipeline = engine.Sessions.Create(new SessionSettings(new AudioInputFormat(AudioCodec.Pcm16, rate)), cancellationToken);
        var feeding = AudioFeeder.FeedAsync(pipeline, samples, rate, settings.PacketMs, paced, position => sent.Enqueue((position, Stopwatch.GetTimestamp())), cancellationToken);
        try
        {
            await foreach (var e in pipeline.Events.ReadAllAsync(cancellationToken))
            {
                if (e is TranscriptEvent t)
                {
                    var covered = (long)(t.End * rate);
                    var sentAt = sent.FirstOrDefault(s => s.Position >= covered);
                    if (sentAt.Ticks != 0)
                    {
                        (t.IsFinal ? finals : partials).Add(Stopwatch.GetElapsedTime(sentAt.Ticks).TotalMilliseconds);
                    }
                }
            }

            await feeding;
            return new StreamResult(partials, finals, null);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException)
        {
            return new StreamResult(partials, finals, ex.Message);
        }
    }

    private sealed record StreamResult(List<double> PartialLatencies, List<double> FinalLatencies, string? Error);
}
