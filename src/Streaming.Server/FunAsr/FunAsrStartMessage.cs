using System.Text.Json;
using Streaming.Protocol;
using Streaming.Server.Sessions;

namespace Streaming.Server.FunAsr;

/// <summary>
/// The first message of the FunASR runtime protocol: <c>{ mode, chunk_size, chunk_interval, wav_name,
/// is_speaking, hotwords, itn, audio_fs, wav_format }</c>, plus our <c>itn_style</c> (caption or wetext),
/// <c>language</c>, <c>model</c> and <c>keywords</c>. <c>hotwords</c> is a JSON object of word →
/// weight serialised into a string (FunASR's form), or plain words separated by spaces or commas.
/// </summary>
/// <param name="Mode">"online", "offline" or "2pass".</param>
/// <param name="WavName">Name echoed in every result.</param>
/// <param name="SampleRate">audio_fs (default 16000).</param>
/// <param name="Itn">itn (default true).</param>
/// <param name="Hotwords">Hotwords without weights.</param>
/// <param name="Language">Our extension <c>language</c>: zh, en or auto (absent: auto).</param>
/// <param name="Model">Our extension <c>model</c>: a recogniser by name (absent: the language's default).</param>
public sealed record FunAsrStartMessage(string Mode, string WavName, int SampleRate, bool Itn, string[] Hotwords, string? Language = null, string? Model = null)
{
    private static readonly string[] Modes = ["online", "offline", "2pass"];

    /// <summary>itn_style (or itnStyle): written style of Chinese finals; null for the server's default.</summary>
    public string? ItnStyle { get; init; }

    /// <summary>
    /// Our extension <c>keywords</c>: keyword list entries to spot (reported as <see cref="FunAsrKeywordMessage"/>s),
    /// given as a JSON array of strings or one string of entries separated by new lines; empty for none.
    /// </summary>
    public string[] Keywords { get; init; } = [];

    /// <summary>Parses and checks the message; throws <see cref="SessionRefusedException"/> saying what is wrong.</summary>
    public static FunAsrStartMessage Parse(ReadOnlySpan<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException ex)
        {
            throw new SessionRefusedException($"The first message must be the JSON start message: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new SessionRefusedException("The first message must be a JSON object.");
            }

            var mode = String(root, "mode") ?? "2pass";
            if (!Modes.Contains(mode))
            {
                throw new SessionRefusedException($"mode '{mode}' is not supported; use online, offline or 2pass.");
            }

            var format = String(root, "wav_format") ?? "pcm";
            if (format != "pcm")
            {
                throw new SessionRefusedException($"wav_format '{format}' is not supported; send pcm (16-bit little-endian mono).");
            }

            var rate = root.TryGetProperty("audio_fs", out var fs) && fs.ValueKind == JsonValueKind.Number ? fs.GetInt32() : 16000;
            var itn = !root.TryGetProperty("itn", out var itnValue) || itnValue.ValueKind != JsonValueKind.False;
            return new FunAsrStartMessage(
                mode, String(root, "wav_name") ?? "", rate, itn, ParseHotwords(String(root, "hotwords")), String(root, "language"), String(root, "model"))
            {
                ItnStyle = String(root, "itn_style") ?? String(root, "itnStyle"),
                Keywords = ParseKeywords(root),
            };
        }
    }

    /// <summary>The hub-protocol request this start message amounts to (stock FunASR clients name no language or model: auto, default model).</summary>
    public SessionRequest ToSessionRequest() => new()
    {
        Language = Language ?? "auto",
        Model = Model,
        SampleRate = SampleRate,
        Codec = AudioCodecNames.Pcm16,
        Itn = Itn,
        ItnStyle = ItnStyle,
        Hotwords = Hotwords,
        Keywords = Keywords,
    };

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[] ParseKeywords(JsonElement root)
    {
        if (!root.TryGetProperty("keywords", out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null => [],
            JsonValueKind.String => value.GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                [.. value.EnumerateArray().Select(e => e.GetString()!)],
            _ => throw new SessionRefusedException("keywords must be an array of strings or one string with an entry per line."),
        };
    }

    private static string[] ParseHotwords(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        if (text.TrimStart().StartsWith('{'))
        {
            try
            {
                using var weights = JsonDocument.Parse(text);
                return weights.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
            }
            catch (JsonException ex)
            {
                throw new SessionRefusedException($"hotwords is not a valid JSON object of word weights: {ex.Message}");
            }
        }

        // Current FunASR clients join the words of a hotword file with commas, older ones with spaces.
        return text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
