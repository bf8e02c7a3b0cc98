using System.Globalization;
using System.Reflection;
using Spectre.Console.Cli;

namespace Streaming.CommandLine;

/// <summary>
/// Checks a command line against a <see cref="CommandCatalog"/> before Spectre.Console parses it: an unknown
/// command or option is an error that names it and suggests the nearest valid one, rather than being ignored.
/// Everything after <c>--</c> is left alone (commands such as <c>serve</c> pass it on).
/// </summary>
public static class ArgumentCheck
{
    private static readonly string[] HelpOptions = ["-h", "--help"];
    private static readonly string[] RootOptions = ["-h", "--help", "-v", "--version"];

    // Spectre.Console.Cli's own hidden branch (cli explain, cli xmldoc): left to Spectre.
    private const string SpectreBranch = "cli";

    /// <summary>The error to report for <paramref name="args"/>, or null when every command and option is known.</summary>
    public static string? Find(CommandCatalog catalog, IReadOnlyList<string> args)
    {
        IReadOnlyList<CommandNode> level = catalog.Commands;
        var path = catalog.ApplicationName;
        CommandNode? current = null;
        var i = 0;
        for (; i < args.Count && current?.IsBranch != false; i++)
        {
            var token = args[i];
            if (token == "--" || token.StartsWith('-'))
            {
                break;
            }

            if (current is null && token == SpectreBranch)
            {
                return null;
            }

            var next = level.FirstOrDefault(c => c.Name == token);
            if (next is null)
            {
                var names = level.Select(c => c.Name).ToArray();
                return Unknown("command", token, path, NearestName.Find(token, names), names);
            }

            current = next;
            level = next.Children;
            path += " " + token;
        }

        var options = current is { IsBranch: false, SettingsType: { } settings } ? OptionsOf(settings) : null;
        var valid = options is null ? (current is null ? RootOptions : HelpOptions) : [.. HelpOptions, .. options.Keys];
        for (; i < args.Count; i++)
        {
            var token = args[i];
            if (token == "--")
            {
                break;
            }

            if (!IsOption(token))
            {
                continue;
            }

            var name = token.Split('=', 2)[0];
            if (!valid.Contains(name))
            {
                var longNames = valid.Where(n => n.StartsWith("--", StringComparison.Ordinal)).ToArray();
                return Unknown("option", name, path, NearestName.Find(name, longNames), longNames);
            }

            // A value given as the next word is skipped, so a value such as "-3" is not taken for an option.
            if (options is not null && options.TryGetValue(name, out var option) && option.ValueName is not null && !token.Contains('=')
                && (!option.ValueIsOptional || (i + 1 < args.Count && !IsOption(args[i + 1]))))
            {
                i++;
            }
        }

        return null;
    }

    private static bool IsOption(string token) =>
        token.Length > 1 && token[0] == '-' && !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static Dictionary<string, CommandOptionAttribute> OptionsOf(Type settings)
    {
        var options = new Dictionary<string, CommandOptionAttribute>(StringComparer.Ordinal);
        foreach (var property in settings.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<CommandOptionAttribute>() is not { } option)
            {
                continue;
            }

            foreach (var name in option.LongNames.Select(n => "--" + n).Concat(option.ShortNames.Select(n => "-" + n)))
            {
                options[name] = option;
            }
        }

        return options;
    }

    private static string Unknown(string kind, string name, string path, string? nearest, IEnumerable<string> valid)
    {
        var hint = nearest is not null
            ? $"did you mean '{nearest}'?"
            : $"valid {kind}s: {string.Join(", ", valid.Order(StringComparer.Ordinal))}";
        return $"unknown {kind} '{name}' for '{path}'; {hint} (see '{path} --help')";
    }
}
