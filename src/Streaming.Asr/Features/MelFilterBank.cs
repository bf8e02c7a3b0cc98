namespace Streaming.Asr.Features;

/// <summary>
/// Kaldi's triangular mel filters (mel = 1127 ln(1 + f/700)), equally spaced in mel between the low and
/// high frequencies, applied to FFT bins 0..fftSize/2-1 (Kaldi leaves out the Nyquist bin). Edges and weights
/// are computed in single precision, as kaldi-native-fbank does, so bins on a filter edge fall on the same side.
/// </summary>
internal sealed class MelFilterBank
{
    private readonly int[] _firstBin;
    private readonly float[][] _weights;

    public MelFilterBank(int bins, int fftSize, int sampleRate, double lowHz, double highHz)
    {
        double nyquist = sampleRate / 2.0;
        double high = highHz > 0 ? highHz : nyquist + highHz;
        if (lowHz < 0 || lowHz >= high || high > nyquist)
        {
            throw new ArgumentException($"Mel range {lowHz}..{high} Hz does not fit 0..{nyquist} Hz.");
        }

        float melLow = Mel((float)lowHz);
        float delta = (Mel((float)high) - melLow) / (bins + 1);
        float binWidth = (float)sampleRate / fftSize;
        _firstBin = new int[bins];
        _weights = new float[bins][];
        for (int m = 0; m < bins; m++)
        {
            float left = melLow + (m * delta);
            float centre = melLow + ((m + 1) * delta);
            float right = melLow + ((m + 2) * delta);
            var weights = new List<float>();
            int first = -1;
            for (int k = 0; k < fftSize / 2; k++)
            {
                float mel = Mel(binWidth * k);
                if (mel <= left || mel >= right)
                {
                    continue;
                }

                if (first < 0)
                {
                    first = k;
                }

                weights.Add(mel <= centre ? (mel - left) / (centre - left) : (right - mel) / (right - centre));
            }

            _firstBin[m] = Math.Max(first, 0);
            _weights[m] = [.. weights];
        }
    }

    /// <summary>Kaldi's mel scale (single precision, as kaldi-native-fbank computes it).</summary>
    public static float Mel(float hz) => 1127.0f * MathF.Log(1.0f + (hz / 700.0f));

    /// <summary>Writes each filter's energy over <paramref name="power"/> into <paramref name="energies"/>.</summary>
    public void Apply(ReadOnlySpan<float> power, Span<float> energies)
    {
        for (int m = 0; m < _weights.Length; m++)
        {
            float[] w = _weights[m];
            ReadOnlySpan<float> p = power.Slice(_firstBin[m], w.Length);
            float sum = 0;
            for (int i = 0; i < w.Length; i++)
            {
                sum += w[i] * p[i];
            }

            energies[m] = sum;
        }
    }
}
