using System.Numerics;

namespace Streaming.Audio;

/// <summary>
/// Streaming band-limited sample-rate converter: a polyphase Kaiser-windowed sinc with its cutoff at
/// 92% of the lower Nyquist frequency and at least 80 dB designed stopband attenuation from that Nyquist up.
/// Output sample k lies exactly at input time k × inputRate / outputRate (no added delay).
/// State carries across <see cref="Process"/> calls, so chunked input gives the same output as one call;
/// steady-state calls allocate nothing. Not thread-safe.
/// </summary>
public sealed class Resampler
{
    // Input samples buffered per refill beyond the filter's own span.
    private const int BlockSize = 4096;

    // Guards the branch table size; the supported rate pairs need at most 640 branches.
    private const int MaxPhases = 4096;

    private readonly int _up;
    private readonly int _down;
    private readonly PolyphaseFilterBank? _filter;
    private readonly float[] _history = [];
    private int _count;
    private long _origin;
    private long _received;
    private long _nextIndex;
    private int _phase;
    private long _produced;

    /// <summary>Creates a converter from <paramref name="inputRate"/> to <paramref name="outputRate"/> (Hz).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate is not positive, or their ratio needs too many filter branches.</exception>
    public Resampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        int divisor = GreatestCommonDivisor(inputRate, outputRate);
        _up = outputRate / divisor;
        _down = inputRate / divisor;
        InputRate = inputRate;
        OutputRate = outputRate;
        if (_up > MaxPhases)
        {
            throw new ArgumentOutOfRangeException(
                nameof(outputRate), $"{inputRate} → {outputRate} Hz needs {_up} filter branches; at most {MaxPhases} are supported.");
        }

        if (_up == _down)
        {
            return;
        }

        _filter = new PolyphaseFilterBank(inputRate, outputRate, _up);
        _history = new float[_filter.Taps + Math.Max(BlockSize, _filter.HalfWidth)];
        Reset();
    }

    /// <summary>Input sample rate in Hz.</summary>
    public int InputRate { get; }

    /// <summary>Output sample rate in Hz.</summary>
    public int OutputRate { get; }

    /// <summary>Exactly how many samples the next <see cref="Flush"/> will emit.</summary>
    public int TailLength => _filter is null ? 0 : (int)(OutputsFor(_received) - _produced);

    /// <summary>Converts a whole signal in one go (including the tail).</summary>
    public static float[] Resample(ReadOnlySpan<float> input, int inputRate, int outputRate)
    {
        var resampler = new Resampler(inputRate, outputRate);
        var output = new float[resampler.MaxOutputLength(input.Length)];
        int written = resampler.Process(input, output);
        written += resampler.Flush(output.AsSpan(written));
        return written == output.Length ? output : output[..written];
    }

    /// <summary>The most samples <see cref="Process"/> can write for <paramref name="inputLength"/> input samples.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The length is negative or the result would not fit an int.</exception>
    public int MaxOutputLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        long max = OutputsFor(inputLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, int.MaxValue, nameof(inputLength));
        return (int)max;
    }

    /// <summary>
    /// Consumes all of <paramref name="input"/> and writes the output samples that are now complete.
    /// Samples near the end of the input wait for later input (or <see cref="Flush"/>).
    /// </summary>
    /// <returns>The number of samples written.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <see cref="MaxOutputLength"/>.</exception>
    public int Process(ReadOnlySpan<float> input, Span<float> output)
    {
        if (output.Length < MaxOutputLength(input.Length))
        {
            throw new ArgumentException(
                $"The output must hold MaxOutputLength({input.Length}) = {MaxOutputLength(input.Length)} samples.", nameof(output));
        }

        if (_filter is null)
        {
            input.CopyTo(output);
            return input.Length;
        }

        int written = 0;
        while (!input.IsEmpty)
        {
            int take = Math.Min(input.Length, _history.Length - _count);
            input[..take].CopyTo(_history.AsSpan(_count));
            _count += take;
            _received += take;
            input = input[take..];
            written += Produce(output[written..], long.MaxValue);
            DiscardConsumed();
        }

        return written;
    }

    /// <summary>
    /// Ends the stream: writes the remaining <see cref="TailLength"/> samples (the input is treated as
    /// followed by silence) so that the total output is ceil(input × outputRate / inputRate). The resampler
    /// is then reset and may start a new stream.
    /// </summary>
    /// <returns>The number of samples written.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <see cref="TailLength"/>.</exception>
    public int Flush(Span<float> output)
    {
        int tail = TailLength;
        if (output.Length < tail)
        {
            throw new ArgumentException($"The output must hold TailLength = {tail} samples.", nameof(output));
        }

        if (_filter is null)
        {
            return 0;
        }

        _history.AsSpan(_count, _filter.HalfWidth).Clear();
        _count += _filter.HalfWidth;
        int written = Produce(output, _received);
        Reset();
        return written;
    }

    private static int GreatestCommonDivisor(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var acc = Vector<float>.Zero;
        int i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        float sum = Vector.Sum(acc);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private long OutputsFor(long inputs) => ((inputs * _up) + _down - 1) / _down;

    /// <summary>Writes every output whose inputs are all buffered and whose input index is below <paramref name="limit"/>.</summary>
    private int Produce(Span<float> output, long limit)
    {
        PolyphaseFilterBank filter = _filter!;
        long end = _origin + _count;
        int written = 0;
        while (_nextIndex + filter.HalfWidth < end && _nextIndex < limit)
        {
            int start = (int)(_nextIndex - filter.HalfWidth + 1 - _origin);
            output[written++] = Dot(_history.AsSpan(start, filter.Taps), filter.Branch(_phase));
            _phase += _down;
            _nextIndex += _phase / _up;
            _phase %= _up;
        }

        _produced += written;
        return written;
    }

    /// <summary>Drops buffered input that no future output needs, making room for more.</summary>
    private void DiscardConsumed()
    {
        // The filter is wide enough (HalfWidth > down/up) that the next output never starts past the buffer.
        int drop = (int)(_nextIndex - _filter!.HalfWidth + 1 - _origin);
        if (drop <= 0)
        {
            return;
        }

        _history.AsSpan(drop, _count - drop).CopyTo(_history);
        _count -= drop;
        _origin += drop;
    }

    private void Reset()
    {
        // Inputs before the stream are silence: seed the window with HalfWidth - 1 zeros.
        int lead = _filter!.HalfWidth - 1;
        _history.AsSpan(0, lead).Clear();
        _count = lead;
        _origin = -lead;
        _received = 0;
        _nextIndex = 0;
        _phase = 0;
        _produced = 0;
    }
}
