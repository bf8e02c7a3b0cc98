using Streaming.Asr.Vad;
using Streaming.Text;

namespace Streaming.Jobs;

/// <summary>What a client chose for one job; stored with the job and applied to each of its files.</summary>
public sealed record JobSettings
{
    /// <summary>Most hotwords one job may carry.</summary>
    public const int MaxHotwords = 1000;

    /// <summary>Language of the speech: zh, en or auto (the server's default); a created job stores the resolved one.</summary>
    public string Language { get; init; } = "auto";

    /// <summary>The recogniser to use, by name; null for the default model of <see cref="Language"/>. A created job stores the resolved one.</summary>
    public string? Model { get; init; }

    /// <summary>Words and phrases to favour (kept with the job for recognisers that take biasing).</summary>
    public IReadOnlyList<string> Hotwords { get; init; } = [];

    /// <summary>
    /// Keywords to spot, besides the server's list (<see cref="Asr.Keywords.KeywordList"/> syntax, one entry each);
    /// results list the hits of each segment.
    /// </summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Whether segments get a written form (inverse text normalisation).</summary>
    public bool Itn { get; init; } = true;

    /// <summary>Written style of Chinese segments, "caption" or "wetext"; null for the server's (Engine:ItnStyle).</summary>
    public string? ItnStyle { get; init; }

    /// <summary>Overrides of the server's VAD settings; null fields keep the server's value.</summary>
    public JobVadSettings Vad { get; init; } = new();

    /// <summary>The result formats the client will download.</summary>
    public IReadOnlyList<TranscriptFormat> Formats { get; init; } = TranscriptFormats.All;

    /// <summary>The VAD options for this job: the server's, with this job's overrides applied.</summary>
    public VadOptions ToVadOptions(VadOptions server) => new()
    {
        ModelPath = server.ModelPath,
        Threshold = Vad.Threshold ?? server.Threshold,
        NegativeThreshold = Vad.Threshold is null ? server.NegativeThreshold : null,
        MinSpeechMs = Vad.MinSpeechMs ?? server.MinSpeechMs,
        MinSilenceMs = Vad.MinSilenceMs ?? server.MinSilenceMs,
        SpeechPadMs = Vad.SpeechPadMs ?? server.SpeechPadMs,
        MaxSpeechMs = Vad.MaxSpeechMs ?? server.MaxSpeechMs,
    };

    /// <summary>Returns the first problem with these settings, or null when they are valid.</summary>
    public string? Validate(VadOptions server)
    {
        try
        {
            InverseTextNormalizer.For(Language);
            if (ItnStyle is not null)
            {
                ItnStyles.Parse(ItnStyle);
            }
            ToVadOptions(server).Validate();
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }

        if (Hotwords.Count > MaxHotwords)
        {
            return $"At most {MaxHotwords} hotwords are allowed, got {Hotwords.Count}.";
        }

        if (Hotwords.FirstOrDefault(h => string.IsNullOrWhiteSpace(h) || h.Length > 100) is { } bad)
        {
            return $"Hotword '{bad}' must be 1 to 100 characters.";
        }

        try
        {
            Asr.Keywords.KeywordList.Parse(Keywords, "keywords");
        }
        catch (Asr.Keywords.KeywordException ex)
        {
            return ex.Message;
        }

        return Formats.Count == 0 ? "At least one output format is required." : null;
    }
}

/// <summary>Per-job VAD overrides (see <see cref="VadOptions"/> for their meaning and ranges).</summary>
public sealed record JobVadSettings
{
    /// <summary>Speech probability threshold.</summary>
    public float? Threshold { get; init; }

    /// <summary>Shortest speech kept, in milliseconds.</summary>
    public int? MinSpeechMs { get; init; }

    /// <summary>Silence that ends a segment, in milliseconds.</summary>
    public int? MinSilenceMs { get; init; }

    /// <summary>Padding on each side of a segment, in milliseconds.</summary>
    public int? SpeechPadMs { get; init; }

    /// <summary>Longest segment, in milliseconds.</summary>
    public int? MaxSpeechMs { get; init; }
}
