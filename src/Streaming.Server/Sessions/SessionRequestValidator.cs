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

        var settings = new SessionSettings(format, request.Itn, Hotwords: ValidateHotwords(request.Hotwords), Endpoint: ValidateEndpoint(request.Endpoint), ItnStyle: ValidateItnStyle(request.ItnStyle));
        return new SessionPlan(choice.Language, settings, ValidateDevice(request.Device), choice.Model);
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

    private string[] ValidateHotwords(string[]? hotwords)
    {
        if (hotwords is null)
        {
            return [];
        }

        if (hotwords.Length > options.MaxHotwords)
        {
            throw new SessionRefusedException($"{hotwords.Length} hotwords given; at most {options.MaxHotwords} are allowed.");
        }

        var cleaned = new string[hotwords.Length];
        for (var i = 0; i < hotwords.Length; i++)
        {
            var word = hotwords[i]?.Trim() ?? "";
            if (word.Length == 0)
            {
                throw new SessionRefusedException($"Hotword {i + 1} is empty.");
            }

            if (word.Length > options.MaxHotwordLength)
            {
                throw new SessionRefusedException(
                    $"Hotword {i + 1} has {word.Length} characters; at most {options.MaxHotwordLength} are allowed.");
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
