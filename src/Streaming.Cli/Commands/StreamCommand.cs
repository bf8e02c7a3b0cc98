using System.ComponentModel;
using System.Globalization;
using Spectre.Console.Cli;
using Streaming.Client;
using Streaming.Protocol;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming stream FILE.wav --url URL [--token T]</c>: streams a file to a running server, in real
/// time unless <c>--fast</c>, and prints its captions: finals with their times, partials marked with <c>~</c>, and
/// with <c>--keywords</c> the keywords the server spots, marked with <c>!</c>.
/// </summary>
public sealed class StreamCommand : AsyncCommand<StreamCommand.Settings>
{
    /// <summary>Arguments of <c>stream</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The WAV file.</summary>
        [CommandArgument(0, "<FILE>")]
        [Description("WAV file")]
        public string File { get; init; } = "";

        /// <summary>Server address.</summary>
        [CommandOption("--url <URL>")]
        [Description("Server address (default http://localhost:7860)")]
        public string Url { get; init; } = "http://localhost:7860";

        /// <summary>JWT.</summary>
        [CommandOption("--token <TOKEN>")]
        [Description("Token from 'streaming token' (omit when the server runs with --no-auth)")]
        public string? Token { get; init; }

        /// <summary>Language.</summary>
        [CommandOption("--lang <LANG>")]
        [Description("Language: en, zh or auto (default auto: the server's default language)")]
        public string Language { get; init; } = "auto";

        /// <summary>Recogniser by name.</summary>
        [CommandOption("--model <NAME>")]
        [Description("Recogniser by name, as GET /api/models lists them (default: the server's model for the language)")]
        public string? Model { get; init; }

        /// <summary>Send as fast as the server takes it.</summary>
        [CommandOption("--fast")]
        [Description("Send as fast as the server takes the audio instead of in real time")]
        public bool Fast { get; init; }

        /// <summary>Hide partials.</summary>
        [CommandOption("--finals-only")]
        [Description("Print finals only")]
        public bool FinalsOnly { get; init; }

        /// <summary>MessagePack protocol.</summary>
        [CommandOption("--msgpack")]
        [Description("Use the MessagePack hub protocol")]
        public bool MessagePack { get; init; }

        /// <summary>Session keyword list.</summary>
        [CommandOption("--keywords <LIST>")]
        [Description("Keywords to spot, added to the server's list: a file (one a line) or a comma-separated list; hits print as '! keyword start-end confidence'")]
        public string? Keywords { get; init; }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(settings.File))
        {
            throw new FileNotFoundException($"file not found: {settings.File}", settings.File);
        }

        if (!Uri.TryCreate(settings.Url, UriKind.Absolute, out var url))
        {
            throw new CliException($"--url '{settings.Url}' is not an absolute URL.");
        }

        string[]? keywords = settings.Keywords is null ? null : KeywordArgument.Entries(settings.Keywords);
        await using var client = new TranscriptionClient(url, settings.Token, settings.MessagePack);
        client.KeywordSpotted += k => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"! {k.Keyword} {k.Start:F2}-{k.End:F2} confidence {k.Confidence:F2}"));
        var failed = false;
        if (!settings.FinalsOnly)
        {
            client.Partial += p => Console.WriteLine($"~ {p.Text.Trim()}");
        }

        client.Final += f => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{f.Start:F2}-{f.End:F2}] {(f.ItnText ?? f.Text).Trim()}"));
        client.Error += e =>
        {
            failed = true;
            Console.Error.WriteLine($"error: {e.Code}: {e.Message}");
        };
        try
        {
            await client.ConnectAsync(cancellationToken);
            await client.TranscribeFileAsync(settings.File, new SessionRequest { Language = settings.Language, Model = settings.Model, Keywords = keywords }, paced: !settings.Fast, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or Microsoft.AspNetCore.SignalR.HubException)
        {
            throw new CliException($"{url}: {ex.Message}");
        }

        return failed ? 1 : 0;
    }
}
