namespace Streaming.Audio;

/// <summary>
/// A Kaiser-windowed sinc low-pass split into polyphase branches for rational resampling by up/down.
/// Branch p holds the taps that produce an output lying p/up of an input period after an input sample.
/// </summary>
internal sealed class PolyphaseFilterBank
{
    /// <summary>Cutoff (the -6 dB point) as a fraction of the lower of the two Nyquist frequencies.</summary>
    internal const double CutoffFraction = 0.92;

    /// <summary>Full transition band as a fraction of the lower Nyquist: the stopband starts at the Nyquist itself.</summary>
    private const double TransitionFraction = 2 * (1 - CutoffFraction);

    /// <summary>Designed stopband attenuation; leaves margin over the 60 dB required after float rounding.</summary>
    private const double AttenuationDb = 80;

    private readonly float[] _coefficients;

    internal PolyphaseFilterBank(int inputRate, int outputRate, int up)
    {
        double lowerNyquist = Math.Min(inputRate, outputRate) / 2.0;
        double cutoff = CutoffFraction * lowerNyquist / inputRate;
        double transition = 2 * Math.PI * TransitionFraction * lowerNyquist / inputRate;

        // Kaiser's formulas for window length and shape from attenuation and transition width.
        double length = (AttenuationDb - 8) / (2.285 * transition);
        double beta = 0.1102 * (AttenuationDb - 8.7);

        HalfWidth = (int)Math.Ceiling(length / 2);
        Taps = 2 * HalfWidth;
        Phases = up;
        _coefficients = new float[checked(Phases * Taps)];

        double i0Beta = BesselI0(beta);
        var taps = new double[Taps];
        for (int phase = 0; phase < Phases; phase++)
        {
            double fraction = phase / (double)up;
            double sum = 0;
            for (int i = 0; i < Taps; i++)
            {
                // Distance in input periods from input sample (n0 - HalfWidth + 1 + i) to the output time n0 + fraction.
                double tau = fraction + HalfWidth - 1 - i;
                double x = tau / HalfWidth;
                double window = Math.Abs(x) >= 1 ? 0 : BesselI0(beta * Math.Sqrt(1 - (x * x))) / i0Beta;
                taps[i] = 2 * cutoff * Sinc(2 * cutoff * tau) * window;
                sum += taps[i];
            }

            // Unit gain per branch keeps DC exact whatever the output's phase.
            for (int i = 0; i < Taps; i++)
            {
                _coefficients[(phase * Taps) + i] = (float)(taps[i] / sum);
            }
        }
    }

    /// <summary>Input samples each side of an output time that contribute to it.</summary>
    internal int HalfWidth { get; }

    /// <summary>Taps per branch (2 × <see cref="HalfWidth"/>).</summary>
    internal int Taps { get; }

    /// <summary>Number of branches (the reduced upsampling factor).</summary>
    internal int Phases { get; }

    /// <summary>The taps of one branch, aligned with inputs n0 - HalfWidth + 1 … n0 + HalfWidth.</summary>
    internal ReadOnlySpan<float> Branch(int phase) => _coefficients.AsSpan(phase * Taps, Taps);

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    /// <summary>Modified Bessel function of the first kind, order 0, by its power series.</summary>
    private static double BesselI0(double x)
    {
        double sum = 1;
        double term = 1;
        double halfX = x / 2;
        for (int k = 1; term > 1e-12 * sum; k++)
        {
            term *= halfX / k * (halfX / k);
            sum += term;
        }

        return sum;
    }
}
