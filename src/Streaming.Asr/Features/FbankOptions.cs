namespace Streaming.Asr.Features;

/// <summary>
/// Settings of <see cref="FbankExtractor"/>; the defaults are those sherpa-onnx gives kaldi-native-fbank for
/// icefall models (16 kHz, 80 bins from 20 Hz to Nyquist − 400 Hz, 25 ms povey window, 10 ms shift, no dither,
/// frames centred on their shift (Kaldi's <c>snip_edges = false</c>), samples in [-1, 1]).
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

    /// <summary>
    /// Upper edge of the last mel filter in Hz; 0 or less means relative to Nyquist (Kaldi's convention). The
    /// default −400 (7600 Hz at 16 kHz) is lhotse's and sherpa-onnx's, which icefall models are trained with.
    /// </summary>
    public double HighFrequency { get; init; } = -400;

    /// <summary>Pre-emphasis coefficient.</summary>
    public float PreEmphasis { get; init; } = 0.97f;

    /// <summary>
    /// Factor applied to incoming samples. icefall (lhotse) models are trained on audio in [-1, 1], and
    /// sherpa-onnx feeds them unscaled, so the default is 1; 32768 gives Kaldi's int16-range features.
    /// </summary>
    public float InputScale { get; init; } = 1f;
}
