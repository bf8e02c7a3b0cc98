using Streaming.Inference.OnnxRuntime;
using Streaming.Inference.Scheduling;

namespace Streaming.Inference.Tests;

public sealed class InferenceSchedulerTests : IDisposable
{
    private readonly OnnxRuntimeBackend _cpu = OnnxRuntimeBackend.CreateCpu(new InferenceOptions { IntraOpThreads = 1 }, new ListLogger());
    private readonly IAcousticModel _silero;

    public InferenceSchedulerTests()
    {
        _silero = _cpu.LoadModel(SileroWindows.ModelPath);
    }

    public void Dispose()
    {
        _silero.Dispose();
        _cpu.Dispose();
    }

    [Fact]
    public async Task Batched_silero_streams_get_the_same_probabilities_as_unbatched_runs()
    {
        const int Streams = 8;
        var windows = Enumerable.Range(0, Streams).Select(s => SileroWindows.Read(20, offset: s * 25)).ToArray();
        var expected = windows.Select(w => SileroWindows.Score(_silero, w)).ToArray();
        var executor = new ModelBatchExecutor(_silero, SileroWindows.InputAxes, SileroWindows.OutputAxes);
        await using var scheduler = new InferenceScheduler<IReadOnlyList<NamedTensor>, ModelOutputs>(
            executor, new BatchingOptions { MaxBatchSize = Streams, MaxWait = TimeSpan.FromMilliseconds(20) });

        var actual = await Task.WhenAll(windows.Select(w => SileroWindows.ScoreAsync(inputs => scheduler.SubmitAsync(inputs), w)));

        for (int s = 0; s < Streams; s++)
        {
            for (int w = 0; w < expected[s].Length; w++)
            {
                Assert.Equal(expected[s][w], actual[s][w], 4);
            }
        }

        // 160 requests in far fewer backend calls: the streams really were batched.
        Assert.Equal(160, scheduler.ExecutedRequests);
        Assert.True(scheduler.Batches < 80, $"{scheduler.Batches} backend calls for 160 requests");
    }

    [Fact]
    public async Task A_bad_request_fails_only_its_owner()
    {
        var executor = new ModelBatchExecutor(_silero, SileroWindows.InputAxes, SileroWindows.OutputAxes);
        await using var scheduler = new InferenceScheduler<IReadOnlyList<NamedTensor>, ModelOutputs>(
            executor, new BatchingOptions { MaxBatchSize = 4, MaxWait = TimeSpan.FromMilliseconds(50) });
        var window = SileroWindows.Read(1)[0];
        var good = Enumerable.Range(0, 3).Select(_ => scheduler.SubmitAsync(SileroWindows.Inputs(window, SileroWindows.InitialState()))).ToList();
        var bad = scheduler.SubmitAsync([.. SileroWindows.Inputs(window, SileroWindows.InitialState()).Take(2)]);

        await Task.WhenAll(good);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => bad);
        Assert.Contains("sr", error.Message);
    }

    [Fact]
    public async Task A_full_queue_refuses_new_requests_as_overload()
    {
        var gate = new BlockingExecutor();
        await using var scheduler = new InferenceScheduler<int, int>(gate, new BatchingOptions { MaxBatchSize = 1, MaxWait = TimeSpan.Zero, QueueCapacity = 2 });
        var running = scheduler.SubmitAsync(1);
        await gate.Started.Task;
        var queued = new[] { scheduler.SubmitAsync(2), scheduler.SubmitAsync(3) };

        var error = Assert.Throws<InferenceOverloadedException>(() => { _ = scheduler.SubmitAsync(4); });
        Assert.Contains("queue full", error.Message);

        gate.Release.SetResult();
        int[] results = await Task.WhenAll(running, queued[0], queued[1]);
        Assert.Equal(new[] { 10, 20, 30 }, results);
    }

    [Fact]
    public async Task A_cancelled_request_is_dropped_before_it_runs()
    {
        var gate = new BlockingExecutor();
        await using var scheduler = new InferenceScheduler<int, int>(gate, new BatchingOptions { MaxBatchSize = 4, MaxWait = TimeSpan.Zero });
        var running = scheduler.SubmitAsync(1);
        await gate.Started.Task;
        using var cancel = new CancellationTokenSource();
        var cancelled = scheduler.SubmitAsync(2, cancel.Token);
        var kept = scheduler.SubmitAsync(3);

        cancel.Cancel();
        gate.Release.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(30, await kept);
        Assert.Equal(10, await running);
        Assert.DoesNotContain(2, gate.Seen);
    }

    [Fact]
    public async Task The_result_of_a_request_cancelled_while_its_batch_ran_is_disposed()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var results = new List<Result>();
        var executor = new DelegateExecutor(async batch =>
        {
            started.TrySetResult();
            await release.Task;
            var made = batch.Select(_ => new Result()).ToArray();
            results.AddRange(made);
            return made;
        });
        await using var scheduler = new InferenceScheduler<int, Result>(executor, new BatchingOptions { MaxBatchSize = 1, MaxWait = TimeSpan.Zero });
        using var cancel = new CancellationTokenSource();
        var request = scheduler.SubmitAsync(1, cancel.Token);
        await started.Task;

        cancel.Cancel();
        release.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        await scheduler.DisposeAsync();
        Assert.True(Assert.Single(results).Disposed);
    }

    private sealed class Result : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    private sealed class DelegateExecutor(Func<IReadOnlyList<int>, Task<Result[]>> run) : IBatchExecutor<int, Result>
    {
        public async ValueTask<Result[]> ExecuteAsync(IReadOnlyList<int> batch, CancellationToken cancellationToken) => await run(batch);
    }

    /// <summary>Multiplies by ten; the first call waits for the test to open the gate.</summary>
    private sealed class BlockingExecutor : IBatchExecutor<int, int>
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<int> Seen { get; } = [];

        public async ValueTask<int[]> ExecuteAsync(IReadOnlyList<int> batch, CancellationToken cancellationToken)
        {
            lock (Seen)
            {
                Seen.AddRange(batch);
            }

            Started.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return [.. batch.Select(x => x * 10)];
        }
    }
}
