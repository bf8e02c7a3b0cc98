using System.Buffers;
using Microsoft.ML.OnnxRuntime;

namespace Streaming.Inference.OnnxRuntime;

/// <summary>
/// An <see cref="OrtIoBinding"/> over pinned caller tensors: running it passes no per-call name or value
/// arrays, so the hot path allocates nothing on the managed heap.
/// </summary>
internal sealed class OnnxRuntimeBinding : IModelBinding
{
    private readonly OnnxRuntimeModel _model;
    private readonly OrtIoBinding _binding;
    private readonly OrtValue[] _values;
    private readonly MemoryHandle[] _handles;
    private readonly RunOptions _runOptions = new();
    private bool _disposed;

    public OnnxRuntimeBinding(OnnxRuntimeModel model, NamedTensor[] inputs, NamedTensor[] outputs)
    {
        _model = model;
        _values = new OrtValue[inputs.Length + outputs.Length];
        _handles = new MemoryHandle[_values.Length];
        _binding = model.Session.CreateIoBinding();
        for (int i = 0; i < _values.Length; i++)
        {
            var tensor = i < inputs.Length ? inputs[i] : outputs[i - inputs.Length];
            _values[i] = OnnxRuntimeModel.Wrap(tensor, out _handles[i]);
            if (i < inputs.Length)
            {
                _binding.BindInput(tensor.Name, _values[i]);
            }
            else
            {
                _binding.BindOutput(tensor.Name, _values[i]);
            }
        }
    }

    public void Run(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        using var lease = _model.Gate.Enter(_model);

        // Registering only when the token can fire keeps the uncancellable hot path allocation-free.
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.Register(() => _runOptions.Terminate = true)
            : default;
        try
        {
            _model.Session.RunWithBinding(_runOptions, _binding);
        }
        catch (OnnxRuntimeException ex)
        {
            throw _model.Translate(ex, cancellationToken);
        }
        finally
        {
            // Only a token that can fire may have set the flag; resetting it costs a native call per run.
            if (cancellationToken.CanBeCanceled)
            {
                _runOptions.Terminate = false;
            }
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _binding.Dispose();
        foreach (var value in _values)
        {
            value.Dispose();
        }

        foreach (var handle in _handles)
        {
            handle.Dispose();
        }

        _runOptions.Dispose();
    }
}
