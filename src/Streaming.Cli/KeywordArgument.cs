using Streaming.Asr.Keywords;

namespace Streaming.Cli;

/// <summary>
/// The value of <c>--keywords</c>: a keyword file (one keyword a line, <see cref="KeywordList"/>'s syntax) when a file
/// of that name exists, otherwise keywords separated by commas (<c>退款,投诉 #0.3</c>). A value that names a
/// <c>.txt</c> file or a path that is not there is refused rather than spotted as a keyword.
/// </summary>
internal static class KeywordArgument
{
    /// <summary>The keyword entries, one per line or comma-separated item, for a session's settings.</summary>
    public static string[] Entries(string value)
    {
        if (File.Exists(value))
        {
            return File.ReadAllLines(value);
        }

        if (value.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || value.Contains('/'))
        {
            throw new CliException($"Keyword file '{value}' does not exist.");
        }

        return value.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The parsed keywords; a malformed entry is a user error naming it.</summary>
    public static IReadOnlyList<Keyword> Parse(string value)
    {
        try
        {
            return KeywordList.Parse(Entries(value), File.Exists(value) ? value : "--keywords");
        }
        catch (KeywordException e)
        {
            throw new CliException(e.Message);
        }
    }
}
