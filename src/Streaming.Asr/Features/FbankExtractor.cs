namespace Streaming.Asr.Features;

/// <summary>
/// Streaming Kaldi-compatible log-mel filterbank. Frame i covers samples [i·shift, i·shift + length)
/// (snip edges: N samples give 1 + (N − length) / shift frames). Per frame: scale, remove the DC offset,
/// pre-emphasise, apply the povey window, zero-pad to the FFT size, take the power spectrum, sum it under
/// the mel filters and take log(max(energy, float epsilon)). No dither, no energy term. Frames are computed
/// once, as soon as their samples arrive; only the samples still needed by future frames are kept.
/// </summary>
public sealed class FbankExtractor
{
    // C's FLT_EPSILON, the floor Kaldi applies before the log.
    private const float FloatEpsilon = 1.1920929e-7f;

    private readonly FbankOptions _options;
    private readonly Fft _fft;
    private readonly MelFilterBank _mel;
    private readonly float[] _window;
    private readonly float[] _frame;
    private readonly float[] _power;
    private float[] _tail;
    private int _tailCount; // samples in _tail; _tail[0] is the first sample of the next frame
    private float[] _features = [];
    private int _framesReady;

    /// <summary>Creates an extractor; <paramref name="options"/> defaults to <see cref="FbankOptions"/>' defaults.</summary>
    public FbankExtractor(FbankOptions? options = null)
    {
        _options = options ?? new FbankOptions();
        if (_options.FrameShift < 1 || _options.FrameLength < _options.FrameShift || _options.FftSize < _options.FrameLength)
        {
            throw new ArgumentException("Fbank options need 1 <= FrameShift <= FrameLength <= FftSize.");
        }

        _fft = new Fft(_options.FftSize);
        _mel = new MelFilterBank(_options.MelBins, _options.FftSize, _options.SampleRate, _options.LowFrequency, _options.HighFrequency);
        _window = PoveyWindow(_options.FrameLength);
        _frame = new float[_options.FrameLength];
        _power = new float[(_options.FftSize / 2) + 1];
        _tail = new float[_options.FrameLength * 2];
    }

    /// <summary>The log of the energy floor: what silence (all-zero frames) produces in every bin.</summary>
    public static float FloorValue { get; } = MathF.Log(FloatEpsilon);

    /// <summary>Feature dimension (number of mel bins).</summary>
    public int Dimension => _options.MelBins;

    /// <summary>Frames computed so far for the current input.</summary>
    public int FramesReady => _framesReady;

    /// <summary>Whether <see cref="InputFinished"/> was called since the last reset.</summary>
    public bool IsFinished { get; private set; }

    /// <summary>Appends samples (float audio, multiplied by <see cref="FbankOptions.InputScale"/>) and computes the frames they complete.</summary>
    public void AcceptWaveform(ReadOnlySpan<float> samples)
    {
        if (IsFinished)
        {
            throw new InvalidOperationException("AcceptWaveform after InputFinished; call Reset first.");
        }

        int shift = _options.FrameShift;
        int length = _options.FrameLength;
        while (!samples.IsEmpty)
        {
            int take = Math.Min(samples.Length, _tail.Length - _tailCount);
            Span<float> destination = _tail.AsSpan(_tailCount, take);
            samples[..take].CopyTo(destination);
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] *= _options.InputScale;
            }

            _tailCount += take;
            samples = samples[take..];
            int consumed = 0;
            while (_tailCount - consumed >= length)
            {
                ComputeFrame(_tail.AsSpan(consumed, length));
                consumed += shift;
            }

            // Keep only samples that later frames still need, at the front of the buffer.
            _tail.AsSpan(consumed, _tailCount - consumed).CopyTo(_tail);
            _tailCount -= consumed;
        }
    }

    /// <summary>Marks the end of the input; with snip edges no further frames result.</summary>
    public void InputFinished() => IsFinished = true;

    /// <summary>One frame of <see cref="Dimension"/> log-mel energies.</summary>
    public ReadOnlySpan<float> GetFrame(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _framesReady);
        return _features.AsSpan(index * Dimension, Dimension);
    }

    /// <summary>Copies frames [start, start + count) row-major into <paramref name="destination"/>.</summary>
    public void GetFrames(int start, int count, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, _framesReady);
        _features.AsSpan(start * Dimension, count * Dimension).CopyTo(destination);
    }

    /// <summary>Forgets all samples and frames, for a new input.</summary>
    public void Reset()
    {
        _tailCount = 0;
        _framesReady = 0;
        IsFinished = false;
    }

    private void ComputeFrame(ReadOnlySpan<float> samples)
    {
        Span<float> frame = _frame;
        samples.CopyTo(frame);
        float mean = 0;
        foreach (float s in frame)
        {
            mean += s;
        }

        mean /= frame.Length;
        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] -= mean;
        }

        for (int i = frame.Length - 1; i > 0; i--)
        {
            frame[i] -= _options.PreEmphasis * frame[i - 1];
        }

        frame[0] -= _options.PreEmphasis * frame[0];
        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] *= _window[i];
        }

        _fft.PowerSpectrum(frame, _power);
        if ((_framesReady + 1) * Dimension > _features.Length)
        {
            Array.Resize(ref _features, Math.Max(_features.Length * 2, 100 * Dimension));
        }

        Span<float> output = _features.AsSpan(_framesReady * Dimension, Dimension);
        _mel.Apply(_power, output);
        for (int m = 0; m < output.Length; m++)
        {
            output[m] = MathF.Log(Math.Max(output[m], FloatEpsilon));
        }

        _framesReady++;
    }

    private static float[] PoveyWindow(int length)
    {
        var window = new float[length];
        double a = 2 * Math.PI / (length - 1);
        for (int i = 0; i < length; i++)
        {
            window[i] = (float)Math.Pow(0.5 - (0.5 * Math.Cos(a * i)), 0.85);
        }

        return window;
    }
}
