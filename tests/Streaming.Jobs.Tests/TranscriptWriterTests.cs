namespace Streaming.Jobs.Tests;

public sealed class TranscriptWriterTests
{
    private static readonly FileTranscript Long = new(
        "talk.wav",
        4000,
        [
            new TranscriptSegment(0, 1.5, 2.25, "hello", null),
            new TranscriptSegment(1, 2.5, 3, "", null),
            new TranscriptSegment(2, 3725.0004, 3726.9996, "twenty three dollars", "$23"),
        ]);

    [Fact]
    public void Srt_numbers_spoken_cues_with_comma_milliseconds_past_an_hour()
    {
        var srt = TranscriptWriter.Write(TranscriptFormat.Srt, [Long]);

        Assert.Equal("1\n00:00:01,500 --> 00:00:02,250\nhello\n\n2\n01:02:05,000 --> 01:02:07,000\n$23\n\n", srt);
    }

    [Fact]
    public void Vtt_has_its_header_and_dot_milliseconds()
    {
        var vtt = TranscriptWriter.Write(TranscriptFormat.Vtt, [Long]);

        Assert.StartsWith("WEBVTT\n\n1\n00:00:01.500 --> 00:00:02.250\nhello\n\n2\n01:02:05.000 --> ", vtt);
    }

    [Fact]
    public void Text_of_several_files_names_each_and_json_keeps_both_forms()
    {
        var other = new FileTranscript("b.wav", 1, [new TranscriptSegment(0, 0, 1, "bye", null)]);

        Assert.Equal("# talk.wav\nhello\n$23\n# b.wav\nbye\n", TranscriptWriter.Write(TranscriptFormat.Txt, [Long, other]));
        var json = TranscriptWriter.Write(TranscriptFormat.Json, [Long]);
        Assert.Contains("\"text\":\"hello $23\"", json);
        Assert.Contains("\"itnText\":\"$23\"", json);
        Assert.Contains("\"text\":\"twenty three dollars\"", json);
        Assert.Throws<ArgumentException>(() => TranscriptWriter.Write(TranscriptFormat.Srt, [Long, other]));
    }

    private static readonly FileTranscript Spotted = new(
        "call.wav",
        10,
        [
            new TranscriptSegment(0, 1, 4, "ask what your Country can do for your country", null)
            {
                Keywords = [new SegmentKeyword("country", 2.1234, 2.6, 0.91f), new SegmentKeyword("refund", 3, 3.5, 0.5f)],
            },
        ]);

    [Fact]
    public void Subtitle_cues_mark_spotted_keywords_in_bold_where_written_and_in_brackets_where_not()
    {
        var srt = TranscriptWriter.Write(TranscriptFormat.Srt, [Spotted]);
        var vtt = TranscriptWriter.Write(TranscriptFormat.Vtt, [Spotted]);

        const string Cue = "ask what your <b>Country</b> can do for your <b>country</b> [refund]\n\n";
        Assert.EndsWith(Cue, srt);
        Assert.EndsWith(Cue, vtt);
    }

    [Fact]
    public void Json_lists_the_keywords_of_each_segment_and_of_the_file_with_times()
    {
        var json = TranscriptWriter.Write(TranscriptFormat.Json, [Spotted]);

        Assert.Contains("\"keywords\":[{\"keyword\":\"country\",\"start\":2.123,\"end\":2.6,\"confidence\":0.91}", json);
        Assert.Contains("\"keywords\":[{\"segment\":0,\"keyword\":\"country\",\"start\":2.123", json);
    }
}
