using System.ComponentModel;
using System.Diagnostics;
using Spectre.Console.Cli;
using Streaming.Asr.Vad;
using Streaming.Jobs;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming bench batch DIR|FILE [--concurrency N] [--repeat N]</c>: throughput of batch mode — hours of
/// audio per hour of wall time (and its inverse, the RTF), peak memory, and the share of audio VAD kept away
/// from the recogniser.
/// </summary>
public sealed class BenchBatchCommand : AsyncCommand<BenchBatchCommand.Settings>
{
    /// <summary>Arguments of <c>bench batch</c>.</summary>
    public sealed class Settings : EngineSettings
    {
        /// <summary>Audio to transcribe.</summary>
        [CommandArgument(0, "<PATH>")]
        [Description("An audio file, or a folder whose audio files (recursively) are transcribed")]
        public string Path { get; init; } = "";

        /// <summary>Files at once.</summary>
        [CommandOption("--concurrency <N>")]
        [Description("Files transcribed at once (default: the number of cores)")]
        public int Concurrency { get; init; } = Environment.ProcessorCount;

        /// <summary>Passes over the files.</summary>
        [CommandOption("--repeat <N>")]
        [Description("Transcribe the files this many times (default 1), for a longer measurement")]
        public int Repeat { get; init; } = 1;
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Concurrency < 1 || settings.Repeat < 1)
        {
            throw new CliException("--concurrency and --repeat must be at least 1.");
        }

        var files = FileBatch.FindAudio(settings.Path);
        using var engine = settings.LoadEngine();
        var transcriber = Streaming.Jobs.FileTranscriber.For(engine, queueLength: 4);
        var jobSettings = new JobSettings { Language = settings.Choice.Language, Model = settings.Choice.Model };
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var loaded = process.WorkingSet64;

        var work = Enumerable.Repeat(files, settings.Repeat).SelectMany(f => f).ToArray();
        var results = new FileBatchResult[work.Length];
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await FileBatch.RunAsync(transcriber, work, jobSettings, new VadOptions(), settings.Concurrency, (_, _) => { }, (index, result) =>
        {
            results[index] = result;
            return ValueTask.CompletedTask;
        }, cancellationToken);
        clock.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;

        var done = results.Where(r => r.Transcription is not null).Select(r => r.Transcription!).ToArray();
        var audio = done.Sum(t => t.AudioSeconds);
        var speech = done.Sum(t => t.SpeechSeconds);
        var wall = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"model: {engine.RecognizerName}; {files.Count} files x {settings.Repeat} from {System.IO.Path.GetFullPath(settings.Path)}");
        Console.WriteLine($"concurrency: {settings.Concurrency} files; {Environment.ProcessorCount} cores");
        Console.WriteLine($"audio: {audio:F1} s ({audio / 3600:F3} h) in {done.Length} files, {done.Sum(t => t.Segments)} segments; failed files: {results.Length - done.Length}");
        Console.WriteLine($"wall: {wall:F2} s; CPU time {cpu:F2} s");
        Console.WriteLine($"throughput: {audio / wall:F1} hours of audio per wall hour (RTF {wall / Math.Max(audio, 1e-9):F4}); per core: {audio / Math.Max(cpu, 1e-9):F1} x real time");
        Console.WriteLine($"VAD skipped: {(audio > 0 ? 100 * (1 - (speech / audio)) : 0):F1}% of the audio ({audio - speech:F1} s never reached the recogniser)");
        Console.WriteLine($"memory: {loaded / 1048576.0:F0} MiB after loading the models; peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MiB");
        foreach (var error in results.Where(r => r.Error is not null).Select(r => $"{r.Path}: {r.Error}").Distinct())
        {
            Console.WriteLine($"  failed: {error}");
        }

        return 0;
    }
}
