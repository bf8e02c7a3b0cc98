using System.Threading.Channels;
using Streaming.Asr.Vad;
using Streaming.Audio;

namespace Streaming.Pipeline.Stages;

/// <summary>
/// Gates audio with the streaming VAD: only speech (with its padding) and segment boundaries go on,
/// so silence never reaches the recogniser.
/// </summary>
public sealed class VadStage : PipelineStage<AudioFrame, SpeechItem>, IVadSink, IDisposable
{
    private readonly VoiceActivityDetector _detector;
    private readonly List<SpeechItem> _pending = [];

    /// <summary>Creates the stage over the shared model.</summary>
    public VadStage(SileroVadModel model, VadOptions options)
    {
        _detector = new VoiceActivityDetector(model, options, AudioFrame.SampleRate);
    }

    /// <summary>Bytes of VAD state this session holds (see <see cref="VoiceActivityDetector.StateBytes"/>).</summary>
    public long StateBytes => _detector.StateBytes;

    /// <inheritdoc />
    protected override ValueTask ProcessAsync(AudioFrame frame, ChannelWriter<SpeechItem> output, CancellationToken cancellationToken)
    {
        _detector.Accept(frame.Samples.Span, this);
        return DrainAsync(output, cancellationToken);
    }

    /// <inheritdoc />
    protected override ValueTask FlushAsync(ChannelWriter<SpeechItem> output, CancellationToken cancellationToken)
    {
        _detector.Flush(this);
        return DrainAsync(output, cancellationToken);
    }

    private async ValueTask DrainAsync(ChannelWriter<SpeechItem> output, CancellationToken cancellationToken)
    {
        foreach (var item in _pending)
        {
            await output.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        }

        _pending.Clear();
    }

    void IVadSink.OnSpeechStart(long sample) => _pending.Add(new SpeechStart(sample));

    // The detector's span is only valid during the call, so the audio is copied into a frame it owns.
    void IVadSink.OnSpeechAudio(ReadOnlySpan<float> samples, long startSample) =>
        _pending.Add(new SpeechAudio(new AudioFrame(samples.ToArray(), startSample)));

    void IVadSink.OnSpeechEnd(long sample) => _pending.Add(new SpeechEnd(sample));

    /// <inheritdoc />
    public void Dispose() => _detector.Dispose();
}
