using System.ComponentModel;
using Spectre.Console.Cli;
using Streaming.Server.Hosting;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming serve [--port N] [--host ADDR] [--urls URLS] [--device D] [--no-auth] [-- --Section:Key=value ...]</c>: runs the server
/// on its embedded defaults; anything after <c>--</c> is passed on as configuration.
/// </summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    /// <summary>Arguments of <c>serve</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>HTTP port.</summary>
        [CommandOption("--port <PORT>")]
        [Description("HTTP port (default 7860, or Server:Port from configuration)")]
        public int? Port { get; init; }

        /// <summary>Interface to listen on.</summary>
        [CommandOption("--host <ADDRESS>")]
        [Description("Interface to listen on (default 0.0.0.0)")]
        public string? Host { get; init; }

        /// <summary>ASP.NET Core's listening addresses.</summary>
        [CommandOption("--urls <URLS>")]
        [Description("Addresses to listen on, separated by ';', e.g. http://127.0.0.1:8080 (ASP.NET Core's urls: wins over --port and --host)")]
        public string? Urls { get; init; }

        /// <summary>Default inference device.</summary>
        [CommandOption("--device <DEVICE>")]
        [Description("Default inference device: auto, cpu, cuda[[:N]] or npu[[:N]] (default Inference:Device, auto)")]
        public string? Device { get; init; }

        /// <summary>Turn authentication off.</summary>
        [CommandOption("--no-auth")]
        [Description("Accept clients without a token (local use only)")]
        public bool NoAuth { get; init; }
    }

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var args = new List<string>();
        if (settings.Port is { } port)
        {
            args.Add($"--Server:Port={port}");
        }

        if (settings.Host is { } host)
        {
            args.Add($"--Server:Host={host}");
        }

        if (settings.Urls is { } urls)
        {
            args.Add($"--urls={urls}");
        }

        if (settings.Device is { } device)
        {
            args.Add($"--Inference:Device={device}");
        }

        if (settings.NoAuth)
        {
            args.Add("--Auth:Enabled=false");
        }

        args.AddRange(context.Remaining.Raw);
        return ServerHost.RunAsync([.. args]);
    }
}
