using System.Threading.Channels;
using Streaming.Asr;
using Streaming.Asr.Vad;
using Streaming.Audio;
using Streaming.Jobs.Decoding;
using Streaming.Pipeline;
using Streaming.Text;

namespace Streaming.Jobs;

/// <summary>Receives each finished segment; returning false stops the file (the worker lost it).</summary>
/// <param name="segment">The segment.</param>
/// <param name="resumeSample">The sample just after it: where a later run resumes.</param>
/// <param name="progress">Share of the file done, 0–100.</param>
/// <param name="cancellationToken">Cancels the write.</param>
public delegate ValueTask<bool> SegmentHandler(TranscriptSegment segment, long resumeSample, double progress, CancellationToken cancellationToken);

/// <summary>
/// Throughput-mode transcription of a whole file: a decoder + VAD task cuts the audio into speech segments
/// and queues them (bounded) for the recogniser, which decodes each segment once as a whole. Silence never
/// reaches the recogniser, and decoding overlaps recognition.
/// </summary>
public sealed class FileTranscriber
{
    private const int ReadBlock = 4096;

    private readonly SileroVadModel _vad;
    private readonly Func<JobSettings, IRecognizerModel> _recognizerFor;
    private readonly HotwordService _hotwords;
    private readonly KeywordService _keywords;
    private readonly AudioFileOpener _opener;
    private readonly int _queueLength;
    private readonly ItnStyle _itnStyle;

    /// <summary>
    /// Creates a transcriber over shared models; <paramref name="recognizerFor"/> gives the shared recogniser of a
    /// job's settings; <paramref name="queueLength"/> segments may wait for the recogniser; <paramref name="hotwords"/>
    /// gives the global list and the re-scorer of segments; <paramref name="itnStyle"/> is the written style of jobs
    /// that name none; <paramref name="keywords"/> gives the global keyword list (none when null).
    /// </summary>
    public FileTranscriber(SileroVadModel vad, Func<JobSettings, IRecognizerModel> recognizerFor, HotwordService hotwords, AudioFileOpener opener, int queueLength, ItnStyle itnStyle = ItnStyle.Caption, KeywordService? keywords = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(queueLength);
        (_vad, _recognizerFor, _hotwords, _opener, _queueLength, _itnStyle) = (vad, recognizerFor, hotwords, opener, queueLength, itnStyle);
        _keywords = keywords ?? KeywordService.None;
    }

    /// <summary>
    /// A transcriber over the engine's shared models (each job's language and model resolved as sessions' are),
    /// decoding compressed files with ffmpeg from <paramref name="ffmpegPath"/> (null: PATH).
    /// </summary>
    public static FileTranscriber For(SpeechEngine engine, int queueLength, string? ffmpegPath = null) => new(
        engine.VadModel,
        settings => engine.RecognizerFor(engine.Models.Resolve(settings.Language, settings.Model).Model).Model,
        engine.Hotwords,
        new AudioFileOpener(new FfmpegLocator(ffmpegPath)),
        queueLength,
        engine.ItnStyle,
        engine.Keywords);

    /// <summary>
    /// Transcribes <paramref name="path"/> from <paramref name="resumeSample"/> on, numbering segments from
    /// <paramref name="firstIndex"/>, and hands each to <paramref name="onSegment"/> as it finishes.
    /// </summary>
    /// <exception cref="AudioDecodeException">The file cannot be decoded.</exception>
    /// <exception cref="Asr.Keywords.KeywordException">The job's keywords are malformed or cannot be spelled by its model.</exception>
    public async Task<FileTranscription> TranscribeAsync(
        string path,
        JobSettings settings,
        VadOptions vadOptions,
        long resumeSample,
        int firstIndex,
        SegmentHandler onSegment,
        CancellationToken cancellationToken)
    {
        var itn = settings.Itn ? InverseTextNormalizer.For(settings.Language, settings.ItnStyle is null ? _itnStyle : ItnStyles.Parse(settings.ItnStyle)) : null;
        var hotwords = _hotwords.ForSession(settings.Hotwords);
        var keywords = _keywords.ForSession(settings.Keywords);
        var queue = Channel.CreateBounded<SpeechChunk>(new BoundedChannelOptions(_queueLength) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => SegmentAsync(path, vadOptions, resumeSample, queue.Writer, stop.Token), stop.Token);

        var index = firstIndex;
        var finished = true;
        try
        {
            using var stream = _recognizerFor(settings).CreateStream(hotwords.Hotwords, keywords);
            await foreach (var chunk in queue.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                stream.AcceptAudio(chunk.Samples);
                var result = stream.Finish();
                // Segments are finals: near-misses of the hotwords are corrected as in live sessions.
                var (text, _) = hotwords.CorrectFinal(result.Text);

                var written = itn is not null && text.Length > 0 ? itn.Normalize(text).Text : null;
                var start = AudioFrame.ToSeconds(chunk.StartSample);
                var segment = new TranscriptSegment(index, start, AudioFrame.ToSeconds(chunk.EndSample), text, written)
                {
                    Keywords = [.. result.KeywordHits.Select(h => new SegmentKeyword(h.Keyword, start + h.Start, start + h.End, h.Confidence))],
                };
                if (!await onSegment(segment, chunk.EndSample, chunk.Progress, stop.Token).ConfigureAwait(false))
                {
                    finished = false;
                    await stop.CancelAsync().ConfigureAwait(false);
                    break;
                }

                index++;
            }
        }
        catch
        {
            // Unblock and drain the decoder (it may wait on a full queue) so no ffmpeg process or file stays open.
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        try
        {
            var (audio, speech) = await producer.ConfigureAwait(false);
            return new FileTranscription(finished, AudioFrame.ToSeconds(audio), AudioFrame.ToSeconds(speech), index - firstIndex)
            {
                EndSeconds = AudioFrame.ToSeconds(resumeSample + audio),
            };
        }
        catch (OperationCanceledException) when (!finished && !cancellationToken.IsCancellationRequested)
        {
            return new FileTranscription(false, 0, 0, index - firstIndex);
        }
    }

    // Decodes and segments the file; returns the samples read (from the resume point) and the speech samples.
    private async Task<(long Audio, long Speech)> SegmentAsync(string path, VadOptions vadOptions, long resumeSample, ChannelWriter<SpeechChunk> output, CancellationToken cancellationToken)
    {
        try
        {
            using var source = _opener.Open(path);
            using var detector = new VoiceActivityDetector(_vad, vadOptions, AudioFrame.SampleRate);
            var totalSamples = source.Duration is { } seconds ? (long)(seconds * AudioFrame.SampleRate) : 0;
            var collector = new SegmentCollector(resumeSample);
            var block = new float[ReadBlock];
            await SkipAsync(source, block, resumeSample, cancellationToken).ConfigureAwait(false);

            long read = 0;
            int got;
            while ((got = source.Read(block)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                detector.Accept(block.AsSpan(0, got), collector);
                read += got;
                await DrainAsync(collector, output, Progress(resumeSample + read, totalSamples), cancellationToken).ConfigureAwait(false);
            }

            detector.Flush(collector);
            await DrainAsync(collector, output, 100, cancellationToken).ConfigureAwait(false);
            output.Complete();
            return (read, collector.SpeechSamples);
        }
        catch (Exception ex)
        {
            output.TryComplete(ex);
            throw;
        }
    }

    private static async Task SkipAsync(IAudioSource source, float[] block, long samples, CancellationToken cancellationToken)
    {
        while (samples > 0)
        {
            var got = source.Read(block.AsSpan(0, (int)Math.Min(block.Length, samples)));
            if (got == 0)
            {
                return;
            }

            samples -= got;
            if (samples % (100 * ReadBlock) < got)
            {
                // Long skips on resume stay cancellable.
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private static async ValueTask DrainAsync(SegmentCollector collector, ChannelWriter<SpeechChunk> output, double progress, CancellationToken cancellationToken)
    {
        while (collector.Closed.TryDequeue(out var closed))
        {
            await output.WriteAsync(new SpeechChunk(closed.Start, closed.End, closed.Samples, progress), cancellationToken).ConfigureAwait(false);
        }
    }

    private static double Progress(long done, long total) => total <= 0 ? 0 : Math.Min(99.9, 100.0 * done / total);
}
