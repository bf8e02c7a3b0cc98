using System.Runtime.InteropServices;

namespace Streaming.LoadTests.Reporting;

/// <summary>The machine a run measured, so figures are read with their context.</summary>
/// <param name="Host">Host name.</param>
/// <param name="Cores">Logical processors visible to the runner.</param>
/// <param name="MemoryGb">Physical memory, GiB.</param>
/// <param name="Os">Operating system.</param>
/// <param name="Runtime">.NET runtime.</param>
/// <param name="Note">Free text from <c>--machine-note</c>, e.g. that others were building on it.</param>
public sealed record MachineInfo(string Host, int Cores, double MemoryGb, string Os, string Runtime, string? Note)
{
    /// <summary>This machine.</summary>
    public static MachineInfo Current(string? note) => new(
        Environment.MachineName,
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        note);

    /// <summary>One line for report headers.</summary>
    public string Describe() =>
        $"{Host}: {Cores} cores, {MemoryGb:0.#} GiB, {Os}, {Runtime}{(Note is null ? "" : $" — {Note}")}";
}
