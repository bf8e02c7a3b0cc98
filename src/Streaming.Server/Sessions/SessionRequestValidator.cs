using Streaming.Pipeline;
using Streaming.Pipeline.Models;
using Streaming.Protocol;
using Streaming.Server.Hosting;
using Streaming.Text;

namespace Streaming.Server.Sessions;

/// <summary>Checks a <see cref="SessionRequest"/> against what this server supports and turns it into a <see cref="SessionPlan"/>.</summary>
/// <param name="options">Server limits.</param>
/// <param name="models">Resolves the language and model against the installed recognisers.</param>
/// <param name="devices">Inference devices sessions may choose; the first is the default.</param>
public sealed class SessionRequestValidator(ServerOptions options, ModelResolver models, IReadOnlyList<string> devices)
{
    /// <summary>Returns the plan, or throws <see cref="SessionRefusedException"/> naming the first problem.</summary>
    public SessionPlan Validate(SessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ModelChoice choice;
        try
        {
            choice = models.Resolve(request.Language, request.Model);
        }
        catch (ModelChoiceException ex)
        {
            throw new SessionRefusedException(ex.Message);
        }

        var codec = request.Codec?.Trim().ToLowerInvariant() switch
        {
            AudioCodecNames.Pcm16 => AudioCodec.Pcm16,
            AudioCodecNames.Opus => AudioCodec.Opus,
            _ => throw new SessionRefusedException(
                $"Codec '{request.Codec}' is not supported; use {AudioCodecNames.Pcm16} or {AudioCodecNames.Opus}."),
        };
        var format = new AudioInputFormat(codec, request.SampleRate);
        try
        {
            format.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new SessionRefusedException(ex.Message);
        }

        var settings = new SessionSettings(
            format,
            request.Itn,
            Hotwords: ValidatePhrases(request.Hotwords, "hotword", options.MaxHotwords, options.MaxHotwordLength),
            Endpoint: ValidateEndpoint(request.Endpoint),
            ItnStyle: ValidateItnStyle(request.ItnStyle),
            Keywords: ValidatePhrases(request.Keywords, "keyword", options.MaxKeywords, options.MaxKeywordLength));
        return new SessionPlan(choice.Language, settings, ValidateDevice(request.Device), choice.Model, ValidateRole(request.Role));
    }

    private static string? ValidateRole(string? role)
    {
        if (role is null)
        {
            return null;
        }

        return role.Length is > 0 and <= 32 && role.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? role
            : throw new SessionRefusedException($"Role '{role}' must be 1 to 32 letters, digits, '-' or '_'.");
    }

    private static ItnStyle? ValidateItnStyle(string? style)
    {
        try
        {
            return style is null ? null : ItnStyles.Parse(style);
        }
        catch (ArgumentException ex)
        {
            throw new SessionRefusedException(ex.Message);
        }
    }

    private string ValidateDevice(string? device)
    {
        if (string.IsNullOrWhiteSpace(device))
        {
            return devices[0];
        }

        string name = device.Trim().ToLowerInvariant();
        return devices.Contains(name)
            ? name
            : throw new SessionRefusedException($"Device '{device}' is not available here; choose one of: {string.Join(", ", devices)}.");
    }

    // Count and length only: the lists' syntax is checked where they are parsed, when the session's pipeline is built.
    private static string[] ValidatePhrases(string[]? phrases, string noun, int max, int maxLength)
    {
        if (phrases is null)
        {
            return [];
        }

        if (phrases.Length > max)
        {
            throw new SessionRefusedException($"{phrases.Length} {noun}s given; at most {max} are allowed.");
        }

        var title = char.ToUpperInvariant(noun[0]) + noun[1..];
        var cleaned = new string[phrases.Length];
        for (var i = 0; i < phrases.Length; i++)
        {
            var word = phrases[i]?.Trim() ?? "";
            if (word.Length == 0)
            {
                throw new SessionRefusedException($"{title} {i + 1} is empty.");
            }

            if (word.Length > maxLength)
            {
                throw new SessionRefusedException(
                    $"{title} {i + 1} has {word.Length} characters; at most {maxLength} are allowed.");
            }

            cleaned[i] = word;
        }

        return cleaned;
    }

    private static Pipeline.EndpointSettings? ValidateEndpoint(Protocol.EndpointSettings? endpoint)
    {
        if (endpoint?.MaxTrailingSilenceMs is { } silence and (< 50 or > 10_000))
        {
            throw new SessionRefusedException($"endpoint.maxTrailingSilenceMs {silence} is out of range 50..10000.");
        }

        if (endpoint?.MaxUtteranceMs is { } utterance and (< 1000 or > 600_000))
        {
            throw new SessionRefusedException($"endpoint.maxUtteranceMs {utterance} is out of range 1000..600000.");
        }

        return endpoint is null ? null : new Pipeline.EndpointSettings(endpoint.MaxTrailingSilenceMs, endpoint.MaxUtteranceMs);
    }
}
