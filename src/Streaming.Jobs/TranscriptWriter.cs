using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Streaming.Jobs;

/// <summary>Renders transcripts as plain text, JSON, SubRip or WebVTT. Segments with no text are left out of text and subtitles.</summary>
public static class TranscriptWriter
{
    /// <summary>
    /// Renders <paramref name="files"/> in <paramref name="format"/>. Text and JSON may hold several files
    /// (text puts a <c># name</c> line before each when there are several); subtitles hold exactly one.
    /// </summary>
    /// <exception cref="ArgumentException">Subtitles were asked for more than one file.</exception>
    public static string Write(TranscriptFormat format, IReadOnlyList<FileTranscript> files)
    {
        if (format is TranscriptFormat.Srt or TranscriptFormat.Vtt && files.Count != 1)
        {
            throw new ArgumentException($"{format.Name()} subtitles hold one file; this holds {files.Count}.", nameof(files));
        }

        return format switch
        {
            TranscriptFormat.Json => JsonSerializer.Serialize(new { files = files.Select(ToJson) }, JobsJson.Options),
            TranscriptFormat.Srt => Subtitles(files[0], srt: true),
            TranscriptFormat.Vtt => Subtitles(files[0], srt: false),
            _ => Text(files),
        };
    }

    private static object ToJson(FileTranscript file) => new
    {
        name = file.Name,
        duration = file.Duration,
        text = string.Join(" ", Spoken(file).Select(s => s.DisplayText)),
        segments = file.Segments.Select(s => new { index = s.Index, start = Math.Round(s.Start, 3), end = Math.Round(s.End, 3), text = s.Text, itnText = s.ItnText }),
    };

    private static string Text(IReadOnlyList<FileTranscript> files)
    {
        var text = new StringBuilder();
        foreach (var file in files)
        {
            if (files.Count > 1)
            {
                text.Append("# ").Append(file.Name).Append('\n');
            }

            foreach (var segment in Spoken(file))
            {
                text.Append(segment.DisplayText).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Subtitles(FileTranscript file, bool srt)
    {
        var text = new StringBuilder(srt ? "" : "WEBVTT\n\n");
        var cue = 1;
        foreach (var segment in Spoken(file))
        {
            text.Append(cue++.ToString(CultureInfo.InvariantCulture)).Append('\n')
                .Append(Timestamp(segment.Start, srt)).Append(" --> ").Append(Timestamp(segment.End, srt)).Append('\n')
                .Append(segment.DisplayText).Append("\n\n");
        }

        return text.ToString();
    }

    private static IEnumerable<TranscriptSegment> Spoken(FileTranscript file) => file.Segments.Where(s => s.DisplayText.Length > 0);

    // SubRip writes "00:01:02,345"; WebVTT "00:01:02.345".
    private static string Timestamp(double seconds, bool srt)
    {
        var time = TimeSpan.FromMilliseconds(Math.Round(Math.Max(0, seconds) * 1000));
        var separator = srt ? ',' : '.';
        return string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}{separator}{time.Milliseconds:000}");
    }
}
