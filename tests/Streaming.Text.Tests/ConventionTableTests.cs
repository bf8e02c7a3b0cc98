using System.Text.RegularExpressions;

namespace Streaming.Text.Tests;

/// <summary>
/// Runs every example of the conventions table in docs/itn-zh.md (copied beside the tests) through the
/// style of its column, so the documented conventions are the tested ones.
/// </summary>
public sealed partial class ConventionTableTests
{
    private static readonly ChineseInverseTextNormalizer Chinese = new();

    /// <summary>Every (row, style, spoken, written) example of the table.</summary>
    public static TheoryData<string, string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (row, style, spoken, written) in ReadTable())
        {
            data.Add(row, style, spoken, written);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Documented_example_holds(string row, string style, string spoken, string written)
    {
        var options = new ItnOptions { Style = ItnStyles.Parse(style) };
        var actual = Chinese.Normalize(spoken, options).Text;
        Assert.True(actual == written, $"{row} ({style}): {spoken} gave '{actual}', the table says '{written}'");
    }

    [Fact]
    public void Every_row_has_examples_for_both_styles()
    {
        var examples = ReadTable().ToList();
        var rows = examples.Select(e => e.Row).Distinct().ToList();
        Assert.True(rows.Count >= 14, $"only {rows.Count} rows read from the table");
        foreach (var row in rows)
        {
            Assert.Contains(examples, e => e.Row == row && e.Style == "caption");
            Assert.Contains(examples, e => e.Row == row && e.Style == "wetext");
        }
    }

    private static IEnumerable<(string Row, string Style, string Spoken, string Written)> ReadTable()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "itn-zh.md");
        var inTable = false;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inTable = line == "## Conventions";
                continue;
            }

            if (!inTable || !line.StartsWith("| ", StringComparison.Ordinal) || line.StartsWith("| class", StringComparison.Ordinal) || line.StartsWith("| ---", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            var row = cells[1];
            foreach (var (column, style) in new[] { (2, "caption"), (3, "wetext") })
            {
                foreach (Match m in ExamplePattern().Matches(cells[column]))
                {
                    yield return (row, style, m.Groups[1].Value, m.Groups[2].Value);
                }
            }
        }
    }

    [GeneratedRegex("`([^`]+)` → `([^`]*)`")]
    private static partial Regex ExamplePattern();
}
