using Streaming.Inference;

namespace Streaming.Asr.Vad;

/// <summary>
/// Recurrent state of one audio stream for <see cref="SileroVadModel"/>: the LSTM state and the
/// trailing context samples the model expects in front of each window. All tensors are allocated and
/// bound once, so scoring a window allocates nothing on the managed heap.
/// </summary>
public sealed class SileroVadStream : IDisposable
{
    private readonly int _contextSize;
    private readonly float[] _input;
    private readonly float[] _probability = new float[1];

    // Two state buffers swapped after each run: the model reads one and writes the other.
    private readonly float[][] _state = [new float[SileroVadModel.StateSize], new float[SileroVadModel.StateSize]];

    // One binding per state parity, built once.
    private readonly IModelBinding[] _bindings;
    private int _current;
    private bool _disposed;

    internal SileroVadStream(SileroVadModel model, int sampleRate)
    {
        if (sampleRate is not (8000 or 16000))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "Silero VAD runs at 8000 or 16000 Hz; resample first.");
        }

        SampleRate = sampleRate;
        WindowSize = sampleRate == 16000 ? 512 : 256;
        _contextSize = sampleRate == 16000 ? 64 : 32;
        _input = new float[_contextSize + WindowSize];
        var input = NamedTensor.Over("input", [1, _input.Length], _input);
        var rate = NamedTensor.Over("sr", [], new long[] { sampleRate });
        var probability = NamedTensor.Over("output", [1, 1], _probability);
        var states = new[] { NamedTensor.Over("state", [2, 1, 128], _state[0]), NamedTensor.Over("state", [2, 1, 128], _state[1]) };
        _bindings =
        [
            model.Model.Bind([input, states[0], rate], [probability, states[1].Rename("stateN")]),
            model.Model.Bind([input, states[1], rate], [probability, states[0].Rename("stateN")]),
        ];
    }

    /// <summary>Sample rate of the audio this stream scores.</summary>
    public int SampleRate { get; }

    /// <summary>Samples per scored window: 512 at 16 kHz (32 ms), 256 at 8 kHz.</summary>
    public int WindowSize { get; }

    /// <summary>Bytes of the model input (context and window) and both recurrent-state buffers.</summary>
    public long StateBytes => ((long)_input.Length + (2 * SileroVadModel.StateSize)) * sizeof(float);

    /// <summary>Scores the next window of exactly <see cref="WindowSize"/> samples; returns the speech probability.</summary>
    /// <exception cref="InferenceException">The backend failed this window.</exception>
    public float Score(ReadOnlySpan<float> window)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (window.Length != WindowSize)
        {
            throw new ArgumentException($"Expected a window of {WindowSize} samples, got {window.Length}.", nameof(window));
        }

        window.CopyTo(_input.AsSpan(_contextSize));
        _bindings[_current].Run();
        _current = 1 - _current;

        // The model wants the last samples of the previous window in front of the next one.
        _input.AsSpan(WindowSize, _contextSize).CopyTo(_input);
        return _probability[0];
    }

    /// <summary>Forgets all history, as at the start of a new stream.</summary>
    public void Reset()
    {
        Array.Clear(_state[0]);
        Array.Clear(_state[1]);
        Array.Clear(_input);
        _current = 0;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _bindings[0].Dispose();
        _bindings[1].Dispose();
    }
}
