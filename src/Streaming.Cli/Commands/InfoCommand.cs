using System.ComponentModel;
using Spectre.Console.Cli;

namespace Streaming.Cli.Commands;

/// <summary><c>streaming info FILE.wav</c>: prints the file's format.</summary>
public sealed class InfoCommand : Command<InfoCommand.Settings>
{
    /// <summary>Arguments of <c>info</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The WAV file.</summary>
        [CommandArgument(0, "<FILE>")]
        [Description("WAV file")]
        public string File { get; init; } = "";
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Console.WriteLine(settings.File);
        return 0;
    }
}
