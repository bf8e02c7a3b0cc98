namespace Streaming.Inference.Tests;

/// <summary>Tests that use the process-wide simulator (fault injection, counters) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AscendSimulatorCollection
{
    public const string Name = "AscendCL simulator";
}
