namespace Streaming.Asr.Features;

/// <summary>
/// Power spectrum of a real frame, computed in single precision by the same arithmetic as the kaldi-native-fbank
/// inside sherpa-onnx (KISS FFT's real transform): the N real samples are packed into N/2 complex points,
/// transformed by a mixed-radix decimation-in-time FFT (radix 4, then one radix 2 if needed), and split into the
/// spectrum of the real signal with a second set of twiddles. Matching the order of the float operations, not just
/// the maths, matters: the int8 encoder quantises its activations, so a last-bit difference in a feature can
/// change a token. sherpa-onnx builds KISS FFT with -ffast-math, which reorders some additions; the radix-4
/// butterfly and the real split follow that order (the radix-2 butterfly, unused for 512 points, follows the source).
/// </summary>
internal sealed class Fft
{
    private readonly int _size;
    private readonly int _points; // complex points of the packed transform: _size / 2
    private readonly int[] _radices; // radix of each stage, outermost first
    private readonly int[] _lengths; // sub-transform length after each stage
    private readonly float[] _twiddleRe;
    private readonly float[] _twiddleIm;
    private readonly float[] _splitRe;
    private readonly float[] _splitIm;
    private readonly float[] _inRe;
    private readonly float[] _inIm;
    private readonly float[] _re;
    private readonly float[] _im;

    public Fft(int size)
    {
        if (size < 4 || (size & (size - 1)) != 0)
        {
            throw new ArgumentException($"FFT size must be a power of two of at least 4, got {size}.", nameof(size));
        }

        _size = size;
        _points = size / 2;
        var radices = new List<int>();
        var lengths = new List<int>();
        for (int n = _points; n > 1;)
        {
            int radix = n % 4 == 0 ? 4 : 2;
            n /= radix;
            radices.Add(radix);
            lengths.Add(n);
        }

        _radices = [.. radices];
        _lengths = [.. lengths];
        _twiddleRe = new float[_points];
        _twiddleIm = new float[_points];
        for (int i = 0; i < _points; i++)
        {
            double phase = -2 * Math.PI * i / _points;
            _twiddleRe[i] = (float)Math.Cos(phase);
            _twiddleIm[i] = (float)Math.Sin(phase);
        }

        _splitRe = new float[_points / 2];
        _splitIm = new float[_points / 2];
        for (int i = 0; i < _points / 2; i++)
        {
            double phase = -Math.PI * (((double)(i + 1) / _points) + 0.5);
            _splitRe[i] = (float)Math.Cos(phase);
            _splitIm[i] = (float)Math.Sin(phase);
        }

        _inRe = new float[_points];
        _inIm = new float[_points];
        _re = new float[_points];
        _im = new float[_points];
    }

    /// <summary>
    /// Writes |X[k]|² for k = 0..size/2 into <paramref name="power"/>; <paramref name="frame"/> is
    /// zero-padded to the FFT size.
    /// </summary>
    public void PowerSpectrum(ReadOnlySpan<float> frame, Span<float> power)
    {
        Array.Clear(_inRe);
        Array.Clear(_inIm);
        for (int i = 0; i < frame.Length; i++)
        {
            if ((i & 1) == 0)
            {
                _inRe[i >> 1] = frame[i];
            }
            else
            {
                _inIm[i >> 1] = frame[i];
            }
        }

        Transform(0, 0, 1, 0);

        // Untangle the two interleaved real transforms into the spectrum of the real frame.
        int n = _points;
        float dc = _re[0] + _im[0];
        float nyquist = _re[0] - _im[0];
        power[0] = dc * dc;
        power[n] = nyquist * nyquist;
        for (int k = 1; k <= n / 2; k++)
        {
            float pkRe = _re[k];
            float pkIm = _im[k];
            float pnkRe = _re[n - k];
            float pnkIm = -_im[n - k];
            float sumRe = pkRe + pnkRe;
            float sumIm = pkIm + pnkIm;
            float diffRe = pkRe - pnkRe;
            float diffIm = pkIm - pnkIm;
            // sherpa-onnx's KISS FFT is built with -ffast-math (GCC 10): the real part of the twiddled difference
            // is never formed, its two products are added to and taken from the sum one after the other.
            float productRe = diffRe * _splitRe[k - 1];
            float productIm = diffIm * _splitIm[k - 1];
            float twIm = (diffIm * _splitRe[k - 1]) + (diffRe * _splitIm[k - 1]);
            float lowRe = ((sumRe + productRe) - productIm) * 0.5f;
            float lowIm = (sumIm + twIm) * 0.5f;
            float highRe = ((sumRe + productIm) - productRe) * 0.5f;
            float highIm = (twIm - sumIm) * 0.5f;
            power[k] = (lowRe * lowRe) + (lowIm * lowIm);
            power[n - k] = (highRe * highRe) + (highIm * highIm);
        }
    }

    // Transform of the points in[input + j·stride] (j < length of this stage) into _re/_im[output ...]: the
    // radix-r stage splits them into r decimated sub-transforms, does those, then recombines with butterflies.
    private void Transform(int output, int input, int stride, int stage)
    {
        int radix = _radices[stage];
        int m = _lengths[stage];
        if (m == 1)
        {
            for (int j = 0; j < radix; j++)
            {
                _re[output + j] = _inRe[input + (j * stride)];
                _im[output + j] = _inIm[input + (j * stride)];
            }
        }
        else
        {
            for (int j = 0; j < radix; j++)
            {
                Transform(output + (j * m), input + (j * stride), stride * radix, stage + 1);
            }
        }

        if (radix == 4)
        {
            Butterfly4(output, stride, m);
        }
        else
        {
            Butterfly2(output, stride, m);
        }
    }

    private void Butterfly2(int at, int stride, int m)
    {
        for (int k = 0; k < m; k++)
        {
            int a = at + k;
            int b = a + m;
            int w = k * stride;
            float tRe = (_re[b] * _twiddleRe[w]) - (_im[b] * _twiddleIm[w]);
            float tIm = (_re[b] * _twiddleIm[w]) + (_im[b] * _twiddleRe[w]);
            _re[b] = _re[a] - tRe;
            _im[b] = _im[a] - tIm;
            _re[a] += tRe;
            _im[a] += tIm;
        }
    }

    // KISS FFT's radix-4 butterfly as sherpa-onnx's -ffast-math build evaluates it (read from its machine code and
    // checked bit for bit against it): the real parts of the second and third twiddled points are never formed;
    // their products are added and subtracted one at a time.
    private void Butterfly4(int at, int stride, int m)
    {
        for (int k = 0; k < m; k++)
        {
            int i0 = at + k;
            int i1 = i0 + m;
            int i2 = i1 + m;
            int i3 = i2 + m;
            int w1 = k * stride;
            int w2 = 2 * w1;
            int w3 = 3 * w1;
            float s0Re = (_re[i1] * _twiddleRe[w1]) - (_im[i1] * _twiddleIm[w1]);
            float s0Im = (_im[i1] * _twiddleRe[w1]) + (_re[i1] * _twiddleIm[w1]);
            float a2 = _re[i2] * _twiddleRe[w2];
            float b2 = _im[i2] * _twiddleIm[w2];
            float s1Im = (_im[i2] * _twiddleRe[w2]) + (_re[i2] * _twiddleIm[w2]);
            float a3 = _re[i3] * _twiddleRe[w3];
            float b3 = _im[i3] * _twiddleIm[w3];
            float s2Im = (_im[i3] * _twiddleRe[w3]) + (_re[i3] * _twiddleIm[w3]);
            float f0Re = _re[i0];
            float f0Im = _im[i0];
            float sumRe = (f0Re + a2) - b2;
            float sumIm = f0Im + s1Im;
            float s5Re = (f0Re + b2) - a2;
            float s5Im = f0Im - s1Im;
            float s3Re = (s0Re - b3) + a3;
            float s3Im = s2Im + s0Im;
            float s4Re = (s0Re - a3) + b3;
            _re[i2] = sumRe - s3Re;
            _im[i2] = sumIm - s3Im;
            _re[i0] = sumRe + s3Re;
            _im[i0] = sumIm + s3Im;
            _re[i1] = (s5Re + s0Im) - s2Im;
            _im[i1] = s5Im - s4Re;
            _re[i3] = (s5Re + s2Im) - s0Im;
            _im[i3] = s5Im + s4Re;
        }
    }
}
