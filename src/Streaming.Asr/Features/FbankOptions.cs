namespace Streaming.Asr.Features;

/// <summary>
/// Settings of <see cref="FbankExtractor"/>; the defaults match Kaldi/kaldi-native-fbank as used by
/// sherpa-onnx models (16 kHz, 80 bins, 25 ms povey window, 10 ms shift, no dither, snip edges).
/// </summary>
public sealed class FbankOptions
{
    /// <summary>Sample rate in Hz.</summary>
    public int SampleRate { get; init; } = 16000;

    /// <summary>Number of mel bins (feature dimension).</summary>
    public int MelBins { get; init; } = 80;

    /// <summary>Window length in samples (25 ms).</summary>
    public int FrameLength { get; init; } = 400;

    /// <summary>Window shift in samples (10 ms).</summary>
    public int FrameShift { get; init; } = 160;

    /// <summary>FFT size: the window zero-padded to a power of two.</summary>
    public int FftSize { get; init; } = 512;

    /// <summary>Lower edge of the first mel filter in Hz.</summary>
    public double LowFrequency { get; init; } = 20;

    /// <summary>Upper edge of the last mel filter in Hz; 0 or less means relative to Nyquist (Kaldi's convention).</summary>
    public double HighFrequency { get; init; }

    /// <summary>Pre-emphasis coefficient.</summary>
    public float PreEmphasis { get; init; } = 0.97f;

    /// <summary>
    /// Factor applied to incoming samples. Kaldi-trained models expect int16-range audio, so float audio in
    /// [-1, 1] is multiplied by 32768 (as sherpa-onnx does); use 1 for audio already in int16 range.
    /// </summary>
    public float InputScale { get; init; } = 32768f;
}
