using System.Threading.Channels;
using Streaming.Asr;
using Streaming.Asr.Endpointing;
using Streaming.Asr.Vad;
using Streaming.Audio;
using Streaming.Pipeline.Stages;
using Streaming.Text;

namespace Streaming.Pipeline;

/// <summary>
/// One session's audio path: decode → resample → VAD → recognise, each stage on its own task, joined by
/// bounded channels. Audio goes in through <see cref="TryWriteAudio"/> (refuses when full) or
/// <see cref="WriteAudioAsync"/> (waits); events come out of <see cref="Events"/>. <see cref="Complete"/>
/// drains and flushes every stage, so the last words of a stream still arrive as a final.
/// </summary>
public sealed class SessionPipeline : IAsyncDisposable
{
    private readonly Channel<ReadOnlyMemory<byte>> _input;
    private readonly Channel<PipelineEvent> _events;
    private readonly CancellationTokenSource _cts;
    private readonly DecodeStage _decode;
    private readonly VadStage _vad;
    private readonly RecognitionStage _recognition;
    private int _disposed;

    internal SessionPipeline(
        SessionSettings settings,
        SessionHotwords hotwords,
        IReadOnlyList<Asr.Keywords.Keyword> keywords,
        SileroVadModel vadModel,
        VadOptions vadOptions,
        IRecognizerModel? recognizer,
        IInverseTextNormalizer? itn,
        PipelineOptions options,
        EndpointOptions endpoint,
        PartialScheduler partials,
        CancellationToken cancellationToken)
    {
        // First: creating the recognition stream can refuse the session's hotwords or keywords, and nothing is held yet.
        _recognition = new RecognitionStage(recognizer, itn, settings.ItnOptions, options, endpoint, hotwords, keywords, partials);
        _cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _input = Bounded<ReadOnlyMemory<byte>>(options.InputCapacity, singleWriter: false);
        var decoded = Bounded<float[]>(options.StageCapacity);
        var frames = Bounded<AudioFrame>(options.StageCapacity);
        var speech = Bounded<SpeechItem>(options.StageCapacity);
        _events = Bounded<PipelineEvent>(options.EventCapacity);

        _decode = new DecodeStage(settings.Format);
        var resample = new ResampleStage(settings.Format.SampleRate);
        _vad = new VadStage(vadModel, vadOptions);

        var token = _cts.Token;
        Completion = Task.WhenAll(
            Stage(() => _decode.RunAsync(_input.Reader, decoded.Writer, token), _input.Writer, token),
            Stage(() => resample.RunAsync(decoded.Reader, frames.Writer, token), decoded.Writer, token),
            Stage(() => _vad.RunAsync(frames.Reader, speech.Writer, token), frames.Writer, token),
            Stage(() => _recognition.RunAsync(speech.Reader, _events.Writer, token), speech.Writer, token));

        // A failed stage stops taking input, so producers see Closed instead of filling a dead queue.
        _ = Completion.ContinueWith(
            t => _input.Writer.TryComplete(t.Exception?.GetBaseException()),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Events of this session, in order; completes after the final flush, or faults with the stage's error.</summary>
    public ChannelReader<PipelineEvent> Events => _events.Reader;

    /// <summary>Audio packets queued and not yet decoded (for queue-depth metrics).</summary>
    public int QueuedPackets => _input.Reader.Count;

    /// <summary>
    /// Bytes of state this session holds between packets: the VAD's and the recogniser's buffers and caches (see
    /// <see cref="IRecognitionStream.StateBytes"/>). Audio in flight in the channels is not counted.
    /// </summary>
    public long StateBytes => _vad.StateBytes + _recognition.StateBytes;

    /// <summary>Whether the session is inside a speech segment (active) rather than between them (idle).</summary>
    public bool InSpeech => _recognition.InSpeech;

    /// <summary>Completes when every stage has finished; faults if one failed.</summary>
    public Task Completion { get; }

    /// <summary>Offers a packet without waiting; see <see cref="AudioWriteResult"/> for what a refusal means.</summary>
    public AudioWriteResult TryWriteAudio(ReadOnlyMemory<byte> packet)
    {
        if (_input.Writer.TryWrite(packet))
        {
            return AudioWriteResult.Accepted;
        }

        return _input.Reader.Completion.IsCompleted || Completion.IsCompleted || _cts.IsCancellationRequested
            ? AudioWriteResult.Closed
            : AudioWriteResult.Overloaded;
    }

    /// <summary>
    /// Queues a packet, waiting while the queue is full (for sources that can be paused, such as files).
    /// Throws <see cref="ChannelClosedException"/> if the session has ended.
    /// </summary>
    public ValueTask WriteAudioAsync(ReadOnlyMemory<byte> packet, CancellationToken cancellationToken = default) =>
        _input.Writer.WriteAsync(packet, cancellationToken);

    /// <summary>Marks the end of the audio: stages drain, flush open segments and complete <see cref="Events"/>.</summary>
    public void Complete() => _input.Writer.TryComplete();

    /// <summary>Cancels processing (if still running), waits for the stages to stop and releases native state.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _cts.CancelAsync().ConfigureAwait(false);
        _input.Writer.TryComplete();
        try
        {
            await Completion.ConfigureAwait(false);
        }
        catch (Exception) when (Completion.IsCanceled || Completion.IsFaulted)
        {
            // The failure was already delivered through Events; disposal only has to release resources.
        }

        _decode.Dispose();
        _vad.Dispose();
        _recognition.Dispose();
        _cts.Dispose();
    }

    /// <summary>
    /// Runs a stage; when it fails, its input channel is closed with the error, so the stage feeding it stops
    /// at its next write instead of waiting forever on a queue nobody reads, and so on up to the producer.
    /// </summary>
    private static Task Stage<T>(Func<Task> run, ChannelWriter<T> input, CancellationToken cancellationToken) => Task.Run(
        async () =>
        {
            try
            {
                await run().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                input.TryComplete(ex);
                throw;
            }
        },
        cancellationToken);

    private static Channel<T> Bounded<T>(int capacity, bool singleWriter = true) =>
        Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = singleWriter,
        });
}
