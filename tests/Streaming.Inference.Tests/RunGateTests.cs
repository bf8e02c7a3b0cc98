using Streaming.Inference.OnnxRuntime;

namespace Streaming.Inference.Tests;

public sealed class RunGateTests
{
    [Fact]
    public void Closing_with_a_call_in_flight_reports_it_and_refuses_new_calls()
    {
        var gate = new RunGate();
        var lease = gate.Enter(this);

        Assert.False(gate.Close(TimeSpan.Zero));
        Assert.Throws<ObjectDisposedException>(() => gate.Enter(this));

        lease.Dispose();
        Assert.True(gate.Close(TimeSpan.Zero));
        Assert.Equal(0, gate.Active);
    }

    [Fact]
    public async Task Closing_waits_until_the_call_in_flight_returns()
    {
        var gate = new RunGate();
        var lease = gate.Enter(this);
        var entered = new ManualResetEventSlim();

        var closing = Task.Run(() =>
        {
            entered.Set();
            return gate.Close(TimeSpan.FromMinutes(1));
        });
        entered.Wait();
        Assert.Equal(1, gate.Active);
        lease.Dispose();

        Assert.True(await closing.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void A_model_run_after_disposal_is_refused_instead_of_reaching_the_released_session()
    {
        using var backend = OnnxRuntimeBackend.CreateCpu(new InferenceOptions { IntraOpThreads = 1 }, new ListLogger());
        var model = backend.LoadModel(SileroWindows.ModelPath);
        var inputs = SileroWindows.Inputs(new float[576], SileroWindows.InitialState());
        model.Run(inputs).Dispose();

        model.Dispose();

        Assert.Throws<ObjectDisposedException>(() => model.Run(inputs));
    }
}
