using System.Globalization;

namespace Streaming.Jobs.Api;

/// <summary>
/// The options of <c>POST /api/jobs</c>: a JSON body, or the form fields of the same names beside the
/// uploaded <c>files</c> (<c>vad.threshold</c> and so on for the VAD settings; lists comma-separated or repeated).
/// </summary>
public sealed record JobRequest
{
    /// <summary>One file on the server's storage (a path under the storage root, or a <c>file://</c> URL).</summary>
    public string? Url { get; init; }

    /// <summary>Several files on the server's storage.</summary>
    public IReadOnlyList<string>? Urls { get; init; }

    /// <summary>zh, en or auto (default auto: the server's default language).</summary>
    public string? Language { get; init; }

    /// <summary>Recogniser by name (<c>GET /api/models</c>); default: the server's model for the language.</summary>
    public string? Model { get; init; }

    /// <summary>Words and phrases to favour.</summary>
    public IReadOnlyList<string>? Hotwords { get; init; }

    /// <summary>Keywords to spot (one entry each: phrase, optional <c> :BOOST</c> and <c> #THRESHOLD</c>).</summary>
    public IReadOnlyList<string>? Keywords { get; init; }

    /// <summary>Whether to add the written form (default true).</summary>
    public bool? Itn { get; init; }

    /// <summary>Written style of Chinese segments: caption or wetext (default: the server's).</summary>
    public string? ItnStyle { get; init; }

    /// <summary>VAD overrides.</summary>
    public JobVadSettings? Vad { get; init; }

    /// <summary>Output formats: txt, json, srt, vtt (default all).</summary>
    public IReadOnlyList<string>? Formats { get; init; }

    /// <summary>Every url of the request.</summary>
    public IEnumerable<string> AllUrls => (Urls ?? []).Concat(Url is null ? [] : [Url]).Where(u => !string.IsNullOrWhiteSpace(u));

    /// <summary>Builds the request from form fields; returns null with <paramref name="error"/> for a malformed value.</summary>
    public static JobRequest? FromForm(IReadOnlyDictionary<string, List<string>> fields, out string? error)
    {
        error = null;
        var problems = new List<string>();
        IReadOnlyList<string>? List(string name) =>
            fields.TryGetValue(name, out var values)
                ? values.SelectMany(v => v.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray()
                : null;
        string? Single(string name) => fields.TryGetValue(name, out var values) ? values[^1].Trim() : null;
        T? Parse<T>(string name)
            where T : struct, IParsable<T>
        {
            if (Single(name) is not { } text)
            {
                return null;
            }

            if (T.TryParse(text, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add($"Form field '{name}' has the invalid value '{text}'.");
            return null;
        }

        var request = new JobRequest
        {
            Urls = fields.TryGetValue("url", out var urls) ? urls : null,
            Language = Single("language"),
            Model = Single("model"),
            Hotwords = List("hotwords"),
            Keywords = List("keywords"),
            Itn = Parse<bool>("itn"),
            ItnStyle = Single("itnStyle"),
            Formats = List("formats"),
            Vad = new JobVadSettings
            {
                Threshold = Parse<float>("vad.threshold"),
                MinSpeechMs = Parse<int>("vad.minSpeechMs"),
                MinSilenceMs = Parse<int>("vad.minSilenceMs"),
                SpeechPadMs = Parse<int>("vad.speechPadMs"),
                MaxSpeechMs = Parse<int>("vad.maxSpeechMs"),
            },
        };
        error = problems.FirstOrDefault();
        return error is null ? request : null;
    }

    /// <summary>The job settings this request asks for; null with <paramref name="error"/> when an option is unknown.</summary>
    public JobSettings? ToSettings(out string? error)
    {
        error = null;
        var formats = new List<TranscriptFormat>();
        foreach (var name in Formats ?? [])
        {
            if (!TranscriptFormats.TryParse(name, out var format))
            {
                error = $"Unknown output format '{name}'; expected txt, json, srt or vtt.";
                return null;
            }

            formats.Add(format);
        }

        var defaults = new JobSettings();
        return new JobSettings
        {
            Language = Language ?? defaults.Language,
            Model = Model,
            Hotwords = Hotwords ?? [],
            Keywords = Keywords ?? [],
            Itn = Itn ?? defaults.Itn,
            ItnStyle = ItnStyle?.Trim().ToLowerInvariant(),
            Vad = Vad ?? new JobVadSettings(),
            Formats = formats.Count > 0 ? formats.Distinct().ToArray() : defaults.Formats,
        };
    }
}
