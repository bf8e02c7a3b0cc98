namespace Streaming.Asr.Features;

/// <summary>
/// Streaming Kaldi-compatible log-mel filterbank, frame for frame what kaldi-native-fbank's online fbank gives
/// sherpa-onnx. Frames are centred on their shift (Kaldi's <c>snip_edges = false</c>): frame i covers samples
/// [i·shift + shift/2 − length/2, + length), the first frames reflect the signal around its start, and N samples
/// give (N + shift/2) / shift frames once <see cref="InputFinished"/> has reflected it around its end too; before
/// that only frames lying wholly inside the samples so far are computed. Per frame: scale, remove the DC offset,
/// pre-emphasise, apply the povey window, zero-pad to the FFT size, take the power spectrum, sum it under the mel
/// filters and take log(max(energy, float epsilon)). No dither, no energy term. Frames are computed once, as soon
/// as their samples arrive; only the samples still needed by future frames are kept.
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
    private float[] _wave;
    private int _waveCount; // samples held in _wave
    private long _waveOffset; // index in the whole input of _wave[0]
    private float[] _features = [];
    private int _framesReady;
    private int _firstFrame; // index of the frame held at _features[0]

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
        _wave = new float[_options.FrameLength * 4];
    }

    /// <summary>The log of the energy floor: what silence (all-zero frames) produces in every bin.</summary>
    public static float FloorValue { get; } = MathF.Log(FloatEpsilon);

    /// <summary>Feature dimension (number of mel bins).</summary>
    public int Dimension => _options.MelBins;

    /// <summary>Frames computed so far for the current input.</summary>
    public int FramesReady => _framesReady;

    /// <summary>Bytes of the sample and feature-frame buffers, by capacity (for the memory-per-session gauge).</summary>
    public long BufferedBytes => ((long)_wave.Length + _features.Length) * sizeof(float);

    /// <summary>Whether <see cref="InputFinished"/> was called since the last reset.</summary>
    public bool IsFinished { get; private set; }

    /// <summary>Appends samples (float audio, multiplied by <see cref="FbankOptions.InputScale"/>) and computes the frames they complete.</summary>
    public void AcceptWaveform(ReadOnlySpan<float> samples)
    {
        if (IsFinished)
        {
            throw new InvalidOperationException("AcceptWaveform after InputFinished; call Reset first.");
        }

        if (_waveCount + samples.Length > _wave.Length)
        {
            Array.Resize(ref _wave, Math.Max(_wave.Length * 2, _waveCount + samples.Length));
        }

        Span<float> destination = _wave.AsSpan(_waveCount, samples.Length);
        samples.CopyTo(destination);
        if (_options.InputScale != 1f)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] *= _options.InputScale;
            }
        }

        _waveCount += samples.Length;
        ComputeFrames(flush: false);
    }

    /// <summary>Marks the end of the input and computes the last frames, which reach past it (reflected).</summary>
    public void InputFinished()
    {
        if (!IsFinished)
        {
            IsFinished = true;
            ComputeFrames(flush: true);
        }
    }

    /// <summary>One frame of <see cref="Dimension"/> log-mel energies.</summary>
    public ReadOnlySpan<float> GetFrame(int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index, _firstFrame);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _framesReady);
        return _features.AsSpan((index - _firstFrame) * Dimension, Dimension);
    }

    /// <summary>Copies frames [start, start + count) row-major into <paramref name="destination"/>.</summary>
    public void GetFrames(int start, int count, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(start, _firstFrame);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, _framesReady);
        _features.AsSpan((start - _firstFrame) * Dimension, count * Dimension).CopyTo(destination);
    }

    /// <summary>
    /// Drops the frames before <paramref name="frame"/>, which the caller will not read again: a stream holds only
    /// the frames its next windows need, so its memory and copying do not grow with the segment.
    /// </summary>
    public void DiscardBefore(int frame)
    {
        int drop = Math.Clamp(frame - _firstFrame, 0, _framesReady - _firstFrame);
        if (drop > 0)
        {
            _features.AsSpan(drop * Dimension, (_framesReady - _firstFrame - drop) * Dimension).CopyTo(_features);
            _firstFrame += drop;
        }
    }

    /// <summary>Forgets all samples and frames, for a new input.</summary>
    public void Reset()
    {
        _waveCount = 0;
        _waveOffset = 0;
        _framesReady = 0;
        _firstFrame = 0;
        IsFinished = false;
    }

    private long FirstSampleOf(long frame) => (frame * _options.FrameShift) + (_options.FrameShift / 2) - (_options.FrameLength / 2);

    // Kaldi's frame count for centred frames: the sample count rounded to shifts; unless flushing, only frames
    // that end within the samples so far.
    private int FramesFor(long samples, bool flush)
    {
        long frames = (samples + (_options.FrameShift / 2)) / _options.FrameShift;
        if (!flush)
        {
            while (frames > 0 && FirstSampleOf(frames - 1) + _options.FrameLength > samples)
            {
                frames--;
            }
        }

        return (int)frames;
    }

    private void ComputeFrames(bool flush)
    {
        long total = _waveOffset + _waveCount;
        int target = FramesFor(total, flush);
        for (int f = _framesReady; f < target; f++)
        {
            ExtractWindow(f);
            ComputeFrame();
        }

        // Keep only the samples that later frames still need, at the front of the buffer.
        long discard = Math.Min(FirstSampleOf(target) - _waveOffset, _waveCount);
        if (discard > 0)
        {
            _wave.AsSpan((int)discard, _waveCount - (int)discard).CopyTo(_wave);
            _waveCount -= (int)discard;
            _waveOffset += discard;
        }
    }

    // Copies frame f's samples into _frame, reflecting indices that fall before the first held sample or after
    // the last one (only the first frames and, when flushing, the last ones do).
    private void ExtractWindow(int f)
    {
        int start = (int)(FirstSampleOf(f) - _waveOffset);
        int length = _options.FrameLength;
        if (start >= 0 && start + length <= _waveCount)
        {
            _wave.AsSpan(start, length).CopyTo(_frame);
            return;
        }

        for (int s = 0; s < length; s++)
        {
            int index = start + s;
            while (index < 0 || index >= _waveCount)
            {
                index = index < 0 ? -index - 1 : (2 * _waveCount) - 1 - index;
            }

            _frame[s] = _wave[index];
        }
    }

    private void ComputeFrame()
    {
        Span<float> frame = _frame;
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
        int held = _framesReady - _firstFrame;
        if ((held + 1) * Dimension > _features.Length)
        {
            Array.Resize(ref _features, Math.Max(_features.Length * 2, 100 * Dimension));
        }

        Span<float> output = _features.AsSpan(held * Dimension, Dimension);
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
