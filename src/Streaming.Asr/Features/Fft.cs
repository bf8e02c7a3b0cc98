namespace Streaming.Asr.Features;

/// <summary>Power spectrum of a real frame by an in-place iterative radix-2 FFT with precomputed twiddles.</summary>
internal sealed class Fft
{
    private readonly int _size;
    private readonly int[] _bitReverse;
    private readonly float[] _cos;
    private readonly float[] _sin;
    private readonly float[] _real;
    private readonly float[] _imaginary;

    public Fft(int size)
    {
        if (size < 2 || (size & (size - 1)) != 0)
        {
            throw new ArgumentException($"FFT size must be a power of two, got {size}.", nameof(size));
        }

        _size = size;
        _real = new float[size];
        _imaginary = new float[size];
        _cos = new float[size / 2];
        _sin = new float[size / 2];
        for (int i = 0; i < size / 2; i++)
        {
            _cos[i] = (float)Math.Cos(2 * Math.PI * i / size);
            _sin[i] = (float)-Math.Sin(2 * Math.PI * i / size);
        }

        int bits = System.Numerics.BitOperations.Log2((uint)size);
        _bitReverse = new int[size];
        for (int i = 0; i < size; i++)
        {
            int reversed = 0;
            for (int b = 0; b < bits; b++)
            {
                reversed |= ((i >> b) & 1) << (bits - 1 - b);
            }

            _bitReverse[i] = reversed;
        }
    }

    /// <summary>
    /// Writes |X[k]|² for k = 0..size/2 into <paramref name="power"/>; <paramref name="frame"/> is
    /// zero-padded to the FFT size.
    /// </summary>
    public void PowerSpectrum(ReadOnlySpan<float> frame, Span<float> power)
    {
        Array.Clear(_imaginary);
        Array.Clear(_real);
        for (int i = 0; i < frame.Length; i++)
        {
            _real[_bitReverse[i]] = frame[i];
        }

        for (int half = 1; half < _size; half *= 2)
        {
            int stride = _size / (2 * half);
            for (int start = 0; start < _size; start += 2 * half)
            {
                for (int j = 0; j < half; j++)
                {
                    float wr = _cos[j * stride];
                    float wi = _sin[j * stride];
                    int a = start + j;
                    int b = a + half;
                    float tr = (_real[b] * wr) - (_imaginary[b] * wi);
                    float ti = (_real[b] * wi) + (_imaginary[b] * wr);
                    _real[b] = _real[a] - tr;
                    _imaginary[b] = _imaginary[a] - ti;
                    _real[a] += tr;
                    _imaginary[a] += ti;
                }
            }
        }

        for (int k = 0; k <= _size / 2; k++)
        {
            power[k] = (_real[k] * _real[k]) + (_imaginary[k] * _imaginary[k]);
        }
    }
}
