using Streaming.Testing;
using Streaming.Inference.Ascend;

namespace Streaming.Inference.Tests;

[Collection(AscendSimulatorCollection.Name)]
public sealed class AscendPoolTests : IDisposable
{
    private const int PoolSize = 3;
    private readonly AscendBackend _npu = AscendBackend.Create(0, PoolSize, new ListLogger());
    private readonly IAcousticModel _model;

    public AscendPoolTests()
    {
        _model = _npu.LoadModel(TinyGraph.Write(Path.Combine(Path.GetTempPath(), "streaming-inference-tests", Guid.NewGuid().ToString("N"))));
    }

    public void Dispose()
    {
        _model.Dispose();
        _npu.Dispose();
    }

    [Fact]
    public async Task Many_sessions_at_once_never_share_a_stream_and_return_every_lease()
    {
        // Simulated device time keeps calls in flight long enough for sessions to overlap even on a busy machine.
        AscendSimulator.SetExecuteDelay(2000);
        try
        {
            AscendSimulator.GetCounters(out var before);
            var sessions = Enumerable.Range(0, 24).Select(session => Task.Run(async () =>
            {
                for (int call = 0; call < 5; call++)
                {
                    float[] x = [session, call, 1, -1];
                    using var y = _model.Run([NamedTensor.Float("x", [1, 4], x)]);
                    AssertClose(TinyGraph.Expected(x), y[0].Span<float>().ToArray());
                    await Task.Yield();
                }
            })).ToArray();

            await Task.WhenAll(sessions);
            AscendSimulator.GetCounters(out var after);
            var stats = _npu.Stats();
            Assert.Equal(0u, stats.Leased);
            Assert.Equal(120ul, stats.Leases);
            Assert.InRange(stats.PeakLeased, 2u, (uint)PoolSize);
            Assert.Equal(before.StreamSharing, after.StreamSharing);
            Assert.Equal(120ul, after.Executions - before.Executions);
        }
        finally
        {
            AscendSimulator.SetExecuteDelay(0);
        }
    }

    [Fact]
    public void A_cancelled_wait_for_a_stream_returns_nothing_and_leaves_the_pool_whole()
    {
        var held = new List<AscendStreamPool.Lease>();
        for (int i = 0; i < PoolSize; i++)
        {
            held.Add(_npu.Pool.Acquire(CancellationToken.None));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        Assert.ThrowsAny<OperationCanceledException>(
            () => _model.Run([NamedTensor.Float("x", [1, 4], [1, 2, 3, 4])], cancellationToken: timeout.Token));
        Assert.Equal((uint)PoolSize, _npu.Stats().Leased);

        held.ForEach(l => l.Dispose());
        Assert.Equal(0u, _npu.Stats().Leased);
        using var y = _model.Run([NamedTensor.Float("x", [1, 4], [1, 2, 3, 4])]);
        AssertClose(TinyGraph.Expected([1, 2, 3, 4]), y[0].Span<float>().ToArray());
    }

    [Fact]
    public async Task A_failing_device_call_fails_only_its_own_session()
    {
        AscendSimulator.InjectExecuteFailures(1);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(session => Task.Run(() =>
        {
            try
            {
                _model.Run([NamedTensor.Float("x", [1, 4], [session, 0, 0, 0])]).Dispose();
                return null;
            }
            catch (AscendException ex)
            {
                return ex;
            }
        })));

        var failure = Assert.Single(results, r => r is not null);
        Assert.Equal(507015, failure!.Code);
        Assert.Contains("aclrtSynchronizeStream", failure.Message);
        Assert.Contains("AI Core", failure.Message);
        Assert.Equal(0u, _npu.Stats().Leased);
    }

    [Fact]
    public void Bad_input_is_refused_before_a_stream_is_leased()
    {
        var error = Assert.Throws<ArgumentException>(() => _model.Run([NamedTensor.Int64("x", [1, 4], [1, 2, 3, 4])]));
        Assert.Contains("must be Float32", error.Message);
        var shapeError = Assert.Throws<AscendException>(() => _model.Run([NamedTensor.Float("x", [1, 5], [1, 2, 3, 4, 5])]));
        Assert.Equal(100017, shapeError.Code);
        Assert.Equal(0u, _npu.Stats().Leased);
    }

    [Fact]
    public async Task Releasing_the_cache_frees_idle_device_buffers()
    {
        _model.Run([NamedTensor.Float("x", [1, 4], [1, 2, 3, 4])]).Dispose();
        Assert.True(_npu.Stats().CachedBytes > 0);
        long usedBefore = _npu.GetStatus().MemoryUsedBytes!.Value;

        _npu.ReleaseCache();

        Assert.Equal(0ul, _npu.Stats().CachedBytes);
        var status = _npu.GetStatus();
        Assert.True(status.MemoryUsedBytes < usedBefore);
        Assert.Equal("npu", status.Kind);
        Assert.True(status.MemoryTotalBytes > 0);
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 5);
        }
    }
}
