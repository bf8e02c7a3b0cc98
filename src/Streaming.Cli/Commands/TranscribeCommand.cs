using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console.Cli;
using Streaming.Asr.Vad;
using Streaming.Audio;
using Streaming.Pipeline;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming transcribe FILE.wav [--json] [--keywords LIST]</c>: runs a file through the same session pipeline live
/// audio takes (VAD-gated recognition, ITN) and prints the final text of each segment, then the keywords spotted.
/// </summary>
public sealed class TranscribeCommand : AsyncCommand<TranscribeCommand.Settings>
{
    /// <summary>Arguments of <c>transcribe</c>.</summary>
    public sealed class Settings : EngineSettings
    {
        /// <summary>The WAV file.</summary>
        [CommandArgument(0, "<FILE>")]
        [Description("WAV file (PCM16/24/32 or float32, any common rate, mono or multi-channel)")]
        public string File { get; init; } = "";

        /// <summary>Emit JSON.</summary>
        [CommandOption("--json")]
        [Description("Print JSON: the text and every segment with timestamps, tokens and written form")]
        public bool Json { get; init; }

        /// <summary>Output folder when FILE is a folder.</summary>
        [CommandOption("--out <DIR>")]
        [Description("When FILE is a folder: write NAME.txt/.json/.srt/.vtt for each audio file there (default: the folder itself)")]
        public string? Out { get; init; }

        /// <summary>Files transcribed at once when FILE is a folder.</summary>
        [CommandOption("--concurrency <N>")]
        [Description("When FILE is a folder: files transcribed at once (default 1)")]
        public int Concurrency { get; init; } = 1;

        /// <summary>Skip inverse text normalisation.</summary>
        [CommandOption("--no-itn")]
        [Description("Print the text as recognised, without the written form (ITN)")]
        public bool NoItn { get; init; }

        /// <summary>Written style of Chinese ITN.</summary>
        [CommandOption("--style <STYLE>")]
        [Description("Written style of Chinese ITN: caption (2025年3月5日, 上午10:30, 350元, the default) or wetext (2025/03/05, 10:30a.m., ¥350)")]
        [DefaultValue("caption")]
        public string Style { get; init; } = "caption";

        /// <summary>Session hotword list.</summary>
        [CommandOption("--hotwords <FILE>")]
        [Description("Hotword list (one phrase a line, optional ' :BOOST'): biases decoding and corrects near-misses in finals")]
        public string? Hotwords { get; init; }

        /// <summary>Session keyword list.</summary>
        [CommandOption("--keywords <LIST>")]
        [Description("Keywords to spot: a file (one a line: 'phrase', 'phrase :BOOST #THRESHOLD' or sherpa-onnx's 'w én s ēn @文森') or a comma-separated list ('退款,投诉 #0.3'); hits are printed after the text (keyword, start, end, confidence), in JSON as 'keywords'")]
        public string? Keywords { get; init; }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (Directory.Exists(settings.File))
        {
            return await DirectoryTranscription.RunAsync(settings, cancellationToken);
        }

        var style = ItnCommand.ParseStyle(settings.Style);
        var (samples, rate) = WavReader.ReadAllMono(settings.File);
        using var engine = settings.LoadEngine();
        string[]? hotwords = settings.Hotwords is null ? null : HotwordFile.ReadLines(settings.Hotwords);
        string[]? keywords = settings.Keywords is null ? null : KeywordArgument.Entries(settings.Keywords);
        var session = new SessionSettings(new AudioInputFormat(AudioCodec.Pcm16, rate), Itn: !settings.NoItn, Hotwords: hotwords, ItnStyle: style, Keywords: keywords);

        var transcript = new TranscribedFile([], []);
        try
        {
            await ConsoleProgress.RunAsync("Transcribing", samples.Length, async report =>
                transcript = await FileTranscriber.TranscribeAsync(engine, samples, session, report, cancellationToken));
        }
        catch (Exception ex) when (ex is Asr.Keywords.KeywordException or NotSupportedException)
        {
            throw new CliException($"--keywords: {ex.Message}");
        }

        var (finals, hits) = transcript;
        var text = string.Join(" ", finals.Select(f => f.ItnText ?? f.Text).Where(t => t.Length > 0));
        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(
                new
                {
                    file = settings.File,
                    duration = Math.Round(samples.Length / (double)rate, 3),
                    text,
                    segments = finals.Select(f => new
                    {
                        index = f.SegmentIndex,
                        start = Math.Round(f.Start, 3),
                        end = Math.Round(f.End, 3),
                        text = f.Text,
                        itnText = f.ItnText,
                        hotwordsHit = f.HotwordsHit,
                        tokens = f.Tokens.Select(t => new { text = t.Text, start = Math.Round(t.Start, 3), end = Math.Round(t.End, 3), confidence = Math.Round(t.Confidence, 3) }),
                    }),
                    keywords = hits.Select(h => new { keyword = h.Keyword, start = Math.Round(h.Start, 3), end = Math.Round(h.End, 3), confidence = Math.Round(h.Confidence, 3), segment = h.SegmentIndex }),
                },
                JsonOptions));
        }
        else
        {
            Console.WriteLine(text);
            foreach (var hit in hits)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"keyword: {hit.Keyword} {hit.Start:F2}-{hit.End:F2} confidence {hit.Confidence:F2}"));
            }
        }

        return 0;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
