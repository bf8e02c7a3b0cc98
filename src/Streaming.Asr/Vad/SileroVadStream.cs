using Microsoft.ML.OnnxRuntime;

namespace Streaming.Asr.Vad;

/// <summary>
/// Recurrent state of one audio stream for <see cref="SileroVadModel"/>: the LSTM state and the
/// trailing context samples the model expects in front of each window. All tensors are allocated
/// once, so scoring a window allocates nothing on the managed heap.
/// </summary>
public sealed class SileroVadStream : IDisposable
{
    private readonly SileroVadModel _model;
    private readonly int _contextSize;
    private readonly float[] _input;
    private readonly float[] _probability = new float[1];
    private readonly long[] _sampleRate = new long[1];

    // Two state buffers swapped after each run: the model reads one and writes the other.
    private readonly float[][] _state = [new float[SileroVadModel.StateSize], new float[SileroVadModel.StateSize]];
    private readonly OrtValue[] _stateValues;
    private readonly OrtValue _inputValue;
    private readonly OrtValue _srValue;
    private readonly OrtValue _probabilityValue;
    private readonly RunOptions _runOptions = new();

    // One binding per state parity, built once: running through a binding passes no per-call
    // name or value arrays, which keeps the hot path free of managed allocations.
    private readonly OrtIoBinding[] _bindings;
    private int _current;
    private bool _disposed;

    internal SileroVadStream(SileroVadModel model, int sampleRate)
    {
        if (sampleRate is not (8000 or 16000))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "Silero VAD runs at 8000 or 16000 Hz; resample first.");
        }

        _model = model;
        SampleRate = sampleRate;
        WindowSize = sampleRate == 16000 ? 512 : 256;
        _contextSize = sampleRate == 16000 ? 64 : 32;
        _input = new float[_contextSize + WindowSize];
        _sampleRate[0] = sampleRate;

        _inputValue = OrtValue.CreateTensorValueFromMemory(_input, [1, _input.Length]);
        _srValue = OrtValue.CreateTensorValueFromMemory(_sampleRate, []);
        _probabilityValue = OrtValue.CreateTensorValueFromMemory(_probability, [1, 1]);
        _stateValues =
        [
            OrtValue.CreateTensorValueFromMemory(_state[0], [2, 1, 128]),
            OrtValue.CreateTensorValueFromMemory(_state[1], [2, 1, 128]),
        ];
        _bindings = [Bind(model, current: 0), Bind(model, current: 1)];
    }

    /// <summary>Sample rate of the audio this stream scores.</summary>
    public int SampleRate { get; }

    /// <summary>Samples per scored window: 512 at 16 kHz (32 ms), 256 at 8 kHz.</summary>
    public int WindowSize { get; }

    /// <summary>Scores the next window of exactly <see cref="WindowSize"/> samples; returns the speech probability.</summary>
    public float Score(ReadOnlySpan<float> window)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (window.Length != WindowSize)
        {
            throw new ArgumentException($"Expected a window of {WindowSize} samples, got {window.Length}.", nameof(window));
        }

        window.CopyTo(_input.AsSpan(_contextSize));
        var next = 1 - _current;
        _model.Session.RunWithBinding(_runOptions, _bindings[_current]);
        _current = next;

        // The model wants the last samples of the previous window in front of the next one.
        _input.AsSpan(WindowSize, _contextSize).CopyTo(_input);
        return _probability[0];
    }

    private OrtIoBinding Bind(SileroVadModel model, int current)
    {
        var binding = model.Session.CreateIoBinding();
        binding.BindInput("input", _inputValue);
        binding.BindInput("state", _stateValues[current]);
        binding.BindInput("sr", _srValue);
        binding.BindOutput("output", _probabilityValue);
        binding.BindOutput("stateN", _stateValues[1 - current]);
        return binding;
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
        _inputValue.Dispose();
        _srValue.Dispose();
        _probabilityValue.Dispose();
        _stateValues[0].Dispose();
        _stateValues[1].Dispose();
        _runOptions.Dispose();
    }
}
