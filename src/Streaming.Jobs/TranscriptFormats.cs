namespace Streaming.Jobs;

/// <summary>Names, file extensions and media types of <see cref="TranscriptFormat"/>.</summary>
public static class TranscriptFormats
{
    /// <summary>Every format, in the order they are listed.</summary>
    public static IReadOnlyList<TranscriptFormat> All { get; } = [TranscriptFormat.Txt, TranscriptFormat.Json, TranscriptFormat.Srt, TranscriptFormat.Vtt];

    /// <summary>The lower-case name, which is also the file extension.</summary>
    public static string Name(this TranscriptFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>The HTTP media type of the format.</summary>
    public static string MediaType(this TranscriptFormat format) => format switch
    {
        TranscriptFormat.Json => "application/json",
        TranscriptFormat.Srt => "application/x-subrip",
        TranscriptFormat.Vtt => "text/vtt",
        _ => "text/plain",
    };

    /// <summary>Parses a name such as <c>srt</c> (any case); false when it names no format.</summary>
    public static bool TryParse(string? name, out TranscriptFormat format)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }
}
