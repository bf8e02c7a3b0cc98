using System.ComponentModel;
using Microsoft.Extensions.Configuration;
using Spectre.Console.Cli;
using Streaming.Server.Auth;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming token --sub NAME [--viewer SESSIONID|*]... [--admin]</c>: prints a token signed with the
/// key the server uses (Auth:SigningKey, or the dev key file under the user profile).
/// </summary>
public sealed class TokenCommand : Command<TokenCommand.Settings>
{
    /// <summary>Arguments of <c>token</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Subject.</summary>
        [CommandOption("--sub <NAME>")]
        [Description("User the token is for; owner of the sessions it starts")]
        public string Subject { get; init; } = "";

        /// <summary>Sessions the holder may watch.</summary>
        [CommandOption("--viewer <SESSIONID>")]
        [Description("Session the holder may watch, or * for any; may repeat")]
        public string[] Viewer { get; init; } = [];

        /// <summary>Admin role.</summary>
        [CommandOption("--admin")]
        [Description("Grant the admin role (admin API)")]
        public bool Admin { get; init; }

        /// <summary>Lifetime in days.</summary>
        [CommandOption("--days <N>")]
        [Description("Days until the token expires (default 30)")]
        public int Days { get; init; } = 30;

        /// <inheritdoc />
        public override Spectre.Console.ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Subject) ? Spectre.Console.ValidationResult.Error("--sub NAME is required")
            : Days < 1 ? Spectre.Console.ValidationResult.Error("--days must be at least 1")
            : Spectre.Console.ValidationResult.Success();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Same sources as the server: appsettings.json beside the program, then environment (Auth__SigningKey).
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        Console.WriteLine(new TokenIssuer(auth).Create(settings.Subject, settings.Viewer, settings.Admin, TimeSpan.FromDays(settings.Days)));
        return 0;
    }
}
