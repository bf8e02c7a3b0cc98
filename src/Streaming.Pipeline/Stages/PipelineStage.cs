using System.Threading.Channels;

namespace Streaming.Pipeline.Stages;

/// <summary>
/// One step of a session pipeline: reads items from a bounded channel, writes results to the next one.
/// Completion drains the input and flushes; a failure completes the output with the exception so it
/// reaches the consumer instead of hanging the pipeline.
/// </summary>
/// <typeparam name="TIn">What the stage consumes.</typeparam>
/// <typeparam name="TOut">What the stage produces.</typeparam>
public abstract class PipelineStage<TIn, TOut>
{
    private ChannelReader<TIn>? _input;

    /// <summary>Items waiting in the input channel: how far behind its producer the stage is.</summary>
    protected int QueuedItems => _input is { CanCount: true } input ? input.Count : 0;

    /// <summary>
    /// Completes when the input has an item to read (true) or has ended (false); for a stage that waits on something
    /// else but must not keep arriving input waiting.
    /// </summary>
    protected ValueTask<bool> WaitForInputAsync(CancellationToken cancellationToken) =>
        _input?.WaitToReadAsync(cancellationToken) ?? ValueTask.FromResult(false);

    /// <summary>Runs until the input completes (then flushes) or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(ChannelReader<TIn> input, ChannelWriter<TOut> output, CancellationToken cancellationToken)
    {
        _input = input;
        try
        {
            await foreach (var item in input.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await ProcessAsync(item, output, cancellationToken).ConfigureAwait(false);
            }

            await FlushAsync(output, cancellationToken).ConfigureAwait(false);
            output.TryComplete();
        }
        catch (Exception ex)
        {
            output.TryComplete(ex);
            throw;
        }
    }

    /// <summary>Handles one item.</summary>
    protected abstract ValueTask ProcessAsync(TIn item, ChannelWriter<TOut> output, CancellationToken cancellationToken);

    /// <summary>Emits whatever the stage still holds once its input has ended.</summary>
    protected virtual ValueTask FlushAsync(ChannelWriter<TOut> output, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
