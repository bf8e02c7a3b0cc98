using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Streaming.Jobs;

/// <summary>
/// Renders transcripts as plain text, JSON, SubRip or WebVTT. Segments with no text are left out of text and
/// subtitles. Spotted keywords are listed in JSON (per segment and per file) and marked in subtitle cues: in bold
/// where the cue's text has them as written, else named in brackets after the text.
/// </summary>
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
        segments = file.Segments.Select(s => new
        {
            index = s.Index,
            start = Math.Round(s.Start, 3),
            end = Math.Round(s.End, 3),
            text = s.Text,
            itnText = s.ItnText,
            keywords = s.Keywords.Select(ToJson),
        }),
        keywords = file.Segments.SelectMany(s => s.Keywords.Select(k => new { segment = s.Index, keyword = k.Keyword, start = Math.Round(k.Start, 3), end = Math.Round(k.End, 3), confidence = Math.Round(k.Confidence, 3) })),
    };

    private static object ToJson(SegmentKeyword k) => new { keyword = k.Keyword, start = Math.Round(k.Start, 3), end = Math.Round(k.End, 3), confidence = Math.Round(k.Confidence, 3) };

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
                .Append(Marked(segment)).Append("\n\n");
        }

        return text.ToString();
    }

    // Both SubRip and WebVTT render <b>…</b> as bold.
    private static string Marked(TranscriptSegment segment)
    {
        var text = segment.DisplayText;
        var unseen = new List<string>();
        foreach (var keyword in segment.Keywords.Select(k => k.Keyword).Distinct())
        {
            var at = text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                unseen.Add(keyword);
                continue;
            }

            var marked = new StringBuilder();
            var from = 0;
            for (; at >= 0; at = text.IndexOf(keyword, from, StringComparison.OrdinalIgnoreCase))
            {
                marked.Append(text, from, at - from).Append("<b>").Append(text, at, keyword.Length).Append("</b>");
                from = at + keyword.Length;
            }

            text = marked.Append(text, from, text.Length - from).ToString();
        }

        return unseen.Count == 0 ? text : $"{text} [{string.Join(", ", unseen)}]";
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
