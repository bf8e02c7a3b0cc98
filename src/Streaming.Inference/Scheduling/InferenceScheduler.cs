using System.Threading.Channels;

namespace Streaming.Inference.Scheduling;

/// <summary>
/// Cross-stream dynamic batching: requests of many streams wait in a bounded queue; each worker takes up
/// to <see cref="BatchingOptions.MaxBatchSize"/> of them, waiting at most <see cref="BatchingOptions.MaxWait"/>
/// after the first for the batch to fill, and runs them as one backend call. A cancelled request is dropped
/// before it runs. When a batch fails, its requests are retried one by one, so an error reaches only the
/// request that caused it.
/// </summary>
/// <typeparam name="TRequest">One stream's input.</typeparam>
/// <typeparam name="TResult">That stream's output.</typeparam>
public sealed class InferenceScheduler<TRequest, TResult> : IAsyncDisposable
{
    private readonly IBatchExecutor<TRequest, TResult> _executor;
    private readonly BatchingOptions _options;
    private readonly Channel<Pending> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _workers;
    private long _batches;
    private long _executed;

    /// <summary>Starts <see cref="BatchingOptions.Concurrency"/> workers feeding <paramref name="executor"/>.</summary>
    public InferenceScheduler(IBatchExecutor<TRequest, TResult> executor, BatchingOptions options)
    {
        options.Validate();
        _executor = executor;
        _options = options;
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = options.Concurrency == 1,
        });
        _workers = [.. Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(WorkAsync))];
    }

    /// <summary>Backend calls made so far (batches, plus one-by-one retries).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Requests that went into those calls.</summary>
    public long ExecutedRequests => Interlocked.Read(ref _executed);

    /// <summary>Queues <paramref name="request"/> and completes with its result.</summary>
    /// <exception cref="InferenceOverloadedException">The queue is full.</exception>
    /// <exception cref="ObjectDisposedException">The scheduler is shutting down.</exception>
    public Task<TResult> SubmitAsync(TRequest request, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(request, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.Dispose();
            throw new InferenceOverloadedException(
                $"Inference queue full ({_options.QueueCapacity} requests waiting): the backend cannot keep up with this many streams.");
        }

        return pending.Completion.Task;
    }

    /// <summary>Stops taking requests, fails those still queued, and waits for running batches.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_workers).ConfigureAwait(false);
        while (_queue.Reader.TryRead(out var left))
        {
            left.Fail(new ObjectDisposedException(nameof(InferenceScheduler<TRequest, TResult>), "The inference scheduler shut down."));
        }

        _stopping.Dispose();
    }

    private async Task WorkAsync()
    {
        var batch = new List<Pending>(_options.MaxBatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                await FillAsync(batch).ConfigureAwait(false);
                batch.RemoveAll(p => p.IsDone);
                if (batch.Count > 0)
                {
                    await RunAsync(batch).ConfigureAwait(false);
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: DisposeAsync fails what is still queued; this worker fails what it had taken.
            foreach (var pending in batch)
            {
                pending.Fail(new ObjectDisposedException(nameof(InferenceScheduler<TRequest, TResult>), "The inference scheduler shut down."));
            }
        }
    }

    /// <summary>Takes what is queued, then waits up to MaxWait for the batch to fill.</summary>
    private async Task FillAsync(List<Pending> batch)
    {
        Drain(batch);
        if (batch.Count >= _options.MaxBatchSize || _options.MaxWait == TimeSpan.Zero)
        {
            return;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        deadline.CancelAfter(_options.MaxWait);
        try
        {
            while (batch.Count < _options.MaxBatchSize && await _queue.Reader.WaitToReadAsync(deadline.Token).ConfigureAwait(false))
            {
                Drain(batch);
            }
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
            // MaxWait elapsed: run what we have.
        }
    }

    private void Drain(List<Pending> batch)
    {
        while (batch.Count < _options.MaxBatchSize && _queue.Reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }
    }

    private async Task RunAsync(List<Pending> batch)
    {
        try
        {
            var results = await ExecuteAsync(batch).ConfigureAwait(false);
            for (int i = 0; i < batch.Count; i++)
            {
                batch[i].Complete(results[i]);
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            // Which request broke the batch is unknown: run each alone so only its owner sees the error.
            foreach (var pending in batch)
            {
                await RunAloneAsync(pending).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            batch[0].Fail(ex);
        }
    }

    private async Task RunAloneAsync(Pending pending)
    {
        if (pending.IsDone)
        {
            return;
        }

        try
        {
            pending.Complete((await ExecuteAsync([pending]).ConfigureAwait(false))[0]);
        }
        catch (Exception ex)
        {
            pending.Fail(ex);
        }
    }

    private async Task<TResult[]> ExecuteAsync(IReadOnlyList<Pending> batch)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _executed, batch.Count);
        var requests = new TRequest[batch.Count];
        for (int i = 0; i < requests.Length; i++)
        {
            requests[i] = batch[i].Request;
        }

        var results = await _executor.ExecuteAsync(requests, _stopping.Token).ConfigureAwait(false);
        return results.Length == requests.Length
            ? results
            : throw new InvalidOperationException($"Batch executor returned {results.Length} results for {requests.Length} requests.");
    }

    /// <summary>A queued request, its owner's completion, and its cancellation hook.</summary>
    private sealed class Pending : IDisposable
    {
        private readonly CancellationTokenRegistration _registration;

        public Pending(TRequest request, CancellationToken cancellationToken)
        {
            Request = request;
            _registration = cancellationToken.Register(() => Completion.TrySetCanceled(cancellationToken));
        }

        public TRequest Request { get; }

        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsDone => Completion.Task.IsCompleted;

        public void Complete(TResult result)
        {
            // A request cancelled while its batch ran never sees its result, so nothing else would free it.
            if (!Completion.TrySetResult(result) && result is IDisposable unclaimed)
            {
                unclaimed.Dispose();
            }

            Dispose();
        }

        public void Fail(Exception error)
        {
            Completion.TrySetException(error);
            Dispose();
        }

        public void Dispose() => _registration.Dispose();
    }
}
