using System.ComponentModel.DataAnnotations;
using Streaming.Asr.Endpointing;

namespace Streaming.Pipeline;

/// <summary>
/// Capacities and cadence of a session pipeline. Bound from configuration section <c>Pipeline</c> and
/// validated at start-up through <see cref="Validate"/>.
/// </summary>
public sealed class PipelineOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Pipeline";

    /// <summary>
    /// Audio packets a session may have queued before its producer is told it is overloaded.
    /// At 20 ms packets, 100 is two seconds of audio.
    /// </summary>
    [Range(1, 10_000)]
    public int InputCapacity { get; set; } = 100;

    /// <summary>Items each internal stage channel holds before the stage in front of it waits.</summary>
    [Range(1, 10_000)]
    public int StageCapacity { get; set; } = 64;

    /// <summary>Events that may wait for the consumer before the pipeline stops taking audio.</summary>
    [Range(1, 100_000)]
    public int EventCapacity { get; set; } = 256;

    /// <summary>How much new speech (ms) triggers a fresh partial hypothesis.</summary>
    [Range(40, 10_000)]
    public int PartialIntervalMs { get; set; } = 480;

    /// <summary>
    /// Share (percent) of real time one session's partial re-decoding may use: when a partial takes longer,
    /// the interval to the next one grows, so re-decoding a long segment cannot fall behind the audio.
    /// </summary>
    [Range(5, 100)]
    public int PartialLoadPercent { get; set; } = 50;

    /// <summary>
    /// Partial re-decodes (Moonshine) that may run at once across all sessions, 0 for one per core but one (at least
    /// one), which leaves a core to VAD, finals and I/O (on 2 cores, 1 slot gave lower partial and final latency than
    /// 2 at 4–12 sessions). When more are due, sessions take turns, longest-waiting first, so every session's partials
    /// slow down evenly; finals never wait for a turn. Streaming transducers decode as audio arrives and are not limited.
    /// </summary>
    [Range(0, 1024)]
    public int PartialSlots { get; set; }

    /// <summary><see cref="PartialSlots"/> with 0 resolved to the processor count less one, at least one.</summary>
    public int EffectivePartialSlots => PartialSlots == 0 ? Math.Max(1, Environment.ProcessorCount - 1) : PartialSlots;

    /// <summary>Server-wide endpoint rules (section <c>Pipeline:Endpoint</c>); sessions may override some.</summary>
    public EndpointOptions Endpoint { get; set; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new ArgumentException($"Invalid pipeline options: {results[0].ErrorMessage}");
        }

        Endpoint.Validate();
    }
}
