using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console.Cli;
using Streaming.Text;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming bench itn</c>: times ITN of typical ~20-character segments and reports mean µs per
/// segment, segments per second and bytes allocated per call, for Chinese in each style and English.
/// </summary>
public sealed class BenchItnCommand : Command<BenchItnCommand.Settings>
{
    private static readonly string[] ChineseSegments =
    [
        "会议定于二零二五年三月五日下午三点开始",
        "请拨打幺三八零零一三八零零零联系我们",
        "今年营收增长了百分之三十五点六左右",
        "这台电脑重两千克售价三千九百九十九元",
    ];

    private static readonly string[] EnglishSegments =
    [
        "it costs twenty five dollars",
        "meet at three thirty p m",
        "about two hundred kilometers",
        "on july twenty fifth twenty twelve",
    ];

    /// <summary>Options of <c>bench itn</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Calls measured per language.</summary>
        [CommandOption("-n|--iterations <N>")]
        [Description("calls measured per language")]
        [DefaultValue(200_000)]
        public int Iterations { get; init; } = 200_000;
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Iterations <= 0)
        {
            throw new CliException("--iterations must be positive");
        }

        Console.WriteLine("lang        chars  mean_us  segments_per_s  bytes_per_call");
        foreach (var style in Enum.GetValues<ItnStyle>())
        {
            Measure($"zh {style.Name()}", new ChineseInverseTextNormalizer(style), ChineseSegments, settings.Iterations);
        }

        Measure("en", new EnglishInverseTextNormalizer(), EnglishSegments, settings.Iterations);
        return 0;
    }

    private static void Measure(string language, IInverseTextNormalizer normalizer, string[] segments, int iterations)
    {
        // Warm up so tier-1 JIT code and the rule tables are in place before timing.
        for (var i = 0; i < 20_000; i++)
        {
            normalizer.Normalize(segments[i % segments.Length]);
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            normalizer.Normalize(segments[i % segments.Length]);
        }

        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var meanMicroseconds = watch.Elapsed.TotalMicroseconds / iterations;
        var averageChars = segments.Average(s => s.Length);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{language,-10}  {averageChars,5:F1}  {meanMicroseconds,7:F2}  {iterations / watch.Elapsed.TotalSeconds,14:F0}  {allocated / iterations,14}"));
    }
}
