using Streaming.Asr.Vad;
using Streaming.Jobs.Decoding;

namespace Streaming.Jobs;

/// <summary>The outcome of one file of a <see cref="FileBatch"/>.</summary>
/// <param name="Path">The file.</param>
/// <param name="Segments">Its segments (empty when it failed).</param>
/// <param name="Transcription">Totals, or null when it failed.</param>
/// <param name="Error">Why it failed, or null.</param>
public sealed record FileBatchResult(string Path, IReadOnlyList<TranscriptSegment> Segments, FileTranscription? Transcription, string? Error);

/// <summary>
/// Transcribes local files with no job store (the CLI's directory mode and batch benchmark): up to
/// <c>concurrency</c> files at once, each failing alone.
/// </summary>
public static class FileBatch
{
    /// <summary>File extensions taken from a folder: WAV natively, the rest through ffmpeg.</summary>
    public static IReadOnlySet<string> AudioExtensions { get; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".wav", ".mp3", ".m4a", ".flac", ".ogg", ".opus", ".aac", ".webm" };

    /// <summary>The file itself, or the audio files under a folder (recursively, sorted).</summary>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    public static IReadOnlyList<string> FindAudio(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' is neither a file nor a folder.", path);
        }

        return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => AudioExtensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// Runs every file through <paramref name="transcriber"/>; <paramref name="onProgress"/> gets (file index,
    /// 0–100) as segments finish and <paramref name="onFile"/> each file's result as it completes.
    /// </summary>
    public static Task RunAsync(
        FileTranscriber transcriber,
        IReadOnlyList<string> paths,
        JobSettings settings,
        VadOptions vad,
        int concurrency,
        Action<int, double> onProgress,
        Func<int, FileBatchResult, ValueTask> onFile,
        CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            Enumerable.Range(0, paths.Count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var segments = new List<TranscriptSegment>();
                FileBatchResult result;
                try
                {
                    var transcription = await transcriber.TranscribeAsync(
                        paths[index],
                        settings,
                        vad,
                        resumeSample: 0,
                        firstIndex: 0,
                        (segment, _, progress, _) =>
                        {
                            segments.Add(segment);
                            onProgress(index, progress);
                            return ValueTask.FromResult(true);
                        },
                        token).ConfigureAwait(false);
                    result = new FileBatchResult(paths[index], segments, transcription, null);
                }
                catch (Exception ex) when (ex is AudioDecodeException or IOException or InvalidDataException)
                {
                    result = new FileBatchResult(paths[index], [], null, ex.Message);
                }

                onProgress(index, 100);
                await onFile(index, result).ConfigureAwait(false);
            });
}
