namespace Streaming.LoadTests.Framework;

/// <summary>
/// How many sessions run during one phase of a scenario, as in NBomber's <c>Simulation</c>: closed models keep a
/// number of copies busy (each copy runs sessions back to back), the open model injects new sessions at a rate.
/// </summary>
public abstract record LoadSimulation(TimeSpan During)
{
    /// <summary>Copies change linearly from the previous phase's level to <paramref name="copies"/> over <paramref name="during"/>.</summary>
    public static LoadSimulation RampingConstant(int copies, TimeSpan during) => new RampingConstantSimulation(copies, during);

    /// <summary><paramref name="copies"/> copies run sessions back to back for <paramref name="during"/>.</summary>
    public static LoadSimulation KeepConstant(int copies, TimeSpan during) => new KeepConstantSimulation(copies, during);

    /// <summary><paramref name="rate"/> new sessions start every <paramref name="interval"/> for <paramref name="during"/>.</summary>
    public static LoadSimulation Inject(int rate, TimeSpan interval, TimeSpan during) => new InjectSimulation(rate, interval, during);

    /// <summary>A short label for reports, e.g. <c>keep_constant(8, 30s)</c>.</summary>
    public abstract string Describe();

    /// <summary>The concurrency this phase aims at: copies for closed models, the rate for inject.</summary>
    public abstract int TargetLoad { get; }

    /// <summary>Fails fast on impossible settings, before anything connects.</summary>
    public virtual void Validate()
    {
        if (During <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{Describe()}: the duration must be positive.");
        }

        if (TargetLoad < 0)
        {
            throw new ArgumentException($"{Describe()}: the load must not be negative.");
        }
    }
}

/// <summary>Closed model: the number of copies ramps linearly to <paramref name="Copies"/>.</summary>
public sealed record RampingConstantSimulation(int Copies, TimeSpan During) : LoadSimulation(During)
{
    /// <inheritdoc />
    public override int TargetLoad => Copies;

    /// <inheritdoc />
    public override string Describe() => $"ramping_constant({Copies}, {During.TotalSeconds:0.#}s)";
}

/// <summary>Closed model: <paramref name="Copies"/> copies for the whole phase.</summary>
public sealed record KeepConstantSimulation(int Copies, TimeSpan During) : LoadSimulation(During)
{
    /// <inheritdoc />
    public override int TargetLoad => Copies;

    /// <inheritdoc />
    public override string Describe() => $"keep_constant({Copies}, {During.TotalSeconds:0.#}s)";
}

/// <summary>Open model: <paramref name="Rate"/> sessions start at every <paramref name="Interval"/> tick.</summary>
public sealed record InjectSimulation(int Rate, TimeSpan Interval, TimeSpan During) : LoadSimulation(During)
{
    /// <inheritdoc />
    public override int TargetLoad => Rate;

    /// <inheritdoc />
    public override string Describe() => $"inject({Rate}/{Interval.TotalSeconds:0.#}s, {During.TotalSeconds:0.#}s)";

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (Interval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{Describe()}: the interval must be positive.");
        }
    }
}
