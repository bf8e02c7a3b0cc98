using Streaming.Asr.Vad;
using Streaming.Jobs;
using Streaming.Text;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming transcribe DIR --out DIR</c>: every audio file of a folder in throughput mode (VAD segments
/// decoded whole, files in parallel), one progress bar for all, NAME.txt/.json/.srt/.vtt written per file.
/// </summary>
internal static class DirectoryTranscription
{
    public static async Task<int> RunAsync(TranscribeCommand.Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Concurrency < 1)
        {
            throw new CliException("--concurrency must be at least 1.");
        }

        var itnStyle = ItnCommand.ParseStyle(settings.Style).Name();
        var files = FileBatch.FindAudio(settings.File);
        if (files.Count == 0)
        {
            throw new CliException($"'{settings.File}' holds no audio files ({string.Join(", ", FileBatch.AudioExtensions)}).");
        }

        var output = Directory.CreateDirectory(settings.Out ?? settings.File).FullName;
        using var engine = settings.LoadEngine();
        var transcriber = Streaming.Jobs.FileTranscriber.For(engine, queueLength: 4);
        var jobSettings = new JobSettings { Language = settings.Choice.Language, Model = settings.Choice.Model, Itn = !settings.NoItn, ItnStyle = itnStyle };
        var progress = new double[files.Count];
        var failed = 0;

        await ConsoleProgress.RunAsync($"Transcribing {files.Count} files", files.Count * 100L, report =>
            FileBatch.RunAsync(
                transcriber,
                files,
                jobSettings,
                new VadOptions(),
                settings.Concurrency,
                (index, percent) =>
                {
                    lock (progress)
                    {
                        progress[index] = percent;
                        report((long)progress.Sum());
                    }
                },
                async (index, result) =>
                {
                    if (result.Error is not null)
                    {
                        Interlocked.Increment(ref failed);
                        await Console.Error.WriteLineAsync($"error: {result.Path}: {result.Error}");
                        return;
                    }

                    var name = Path.GetRelativePath(Path.GetFullPath(settings.File), Path.GetFullPath(result.Path));
                    var stem = Path.Combine(output, Path.ChangeExtension(name, null));
                    Directory.CreateDirectory(Path.GetDirectoryName(stem)!);
                    var transcript = new FileTranscript(name, result.Transcription?.EndSeconds, result.Segments);
                    foreach (var format in TranscriptFormats.All)
                    {
                        await File.WriteAllTextAsync($"{stem}.{format.Name()}", TranscriptWriter.Write(format, [transcript]), cancellationToken);
                    }

                    Console.WriteLine($"{name}: {result.Segments.Count} segments -> {stem}.{{txt,json,srt,vtt}}");
                },
                cancellationToken));

        return failed == 0 ? 0 : 1;
    }
}
