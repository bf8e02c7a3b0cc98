using Streaming.LoadTests.Reporting;

namespace Streaming.LoadTests;

/// <summary>Progress lines on stderr (stdout carries the headline and the report paths).</summary>
public sealed class ConsoleProgress : IProgress<string>
{
    /// <inheritdoc />
    public void Report(string value) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {value}");

    /// <summary>Prints the headline and where the reports are.</summary>
    public static void PrintOutcome(LoadReport report, IReadOnlyList<string> files)
    {
        Console.WriteLine(ReportContent.Headline(report));
        Console.WriteLine($"machine: {report.Machine.Describe()}");
        foreach (var file in files)
        {
            Console.WriteLine($"report: {Path.GetFullPath(file)}");
        }
    }
}
