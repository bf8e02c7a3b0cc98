using System.Threading.Channels;
using Streaming.Audio;

namespace Streaming.Pipeline.Stages;

/// <summary>Converts source-rate samples to 16 kHz <see cref="AudioFrame"/>s stamped with stream time.</summary>
public sealed class ResampleStage(int sourceRate) : PipelineStage<float[], AudioFrame>
{
    private readonly Resampler? _resampler = sourceRate == AudioFrame.SampleRate ? null : new Resampler(sourceRate, AudioFrame.SampleRate);
    private long _position;

    /// <inheritdoc />
    protected override ValueTask ProcessAsync(float[] samples, ChannelWriter<AudioFrame> output, CancellationToken cancellationToken)
    {
        if (_resampler is null)
        {
            return Emit(samples, output, cancellationToken);
        }

        var buffer = new float[_resampler.MaxOutputLength(samples.Length)];
        var n = _resampler.Process(samples, buffer);
        return Emit(buffer.AsMemory(0, n), output, cancellationToken);
    }

    /// <inheritdoc />
    protected override ValueTask FlushAsync(ChannelWriter<AudioFrame> output, CancellationToken cancellationToken)
    {
        if (_resampler is null)
        {
            return ValueTask.CompletedTask;
        }

        var buffer = new float[_resampler.TailLength];
        var n = _resampler.Flush(buffer);
        return Emit(buffer.AsMemory(0, n), output, cancellationToken);
    }

    private ValueTask Emit(ReadOnlyMemory<float> samples, ChannelWriter<AudioFrame> output, CancellationToken cancellationToken)
    {
        if (samples.IsEmpty)
        {
            return ValueTask.CompletedTask;
        }

        var frame = new AudioFrame(samples, _position);
        _position += samples.Length;
        return output.WriteAsync(frame, cancellationToken);
    }
}
