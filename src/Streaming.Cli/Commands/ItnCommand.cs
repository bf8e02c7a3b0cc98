using System.ComponentModel;
using System.Text;
using Spectre.Console.Cli;
using Streaming.Text;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming itn --lang zh|en|auto [--style caption|wetext]</c>: reads one spoken sentence per line on
/// stdin and writes its written form on stdout, one line per line in the same order and nothing else.
/// </summary>
public sealed class ItnCommand : Command<ItnCommand.Settings>
{
    /// <summary>Options of <c>itn</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Language of the input.</summary>
        [CommandOption("-l|--lang <LANG>")]
        [Description("zh, en or auto (mixed Chinese and English)")]
        [DefaultValue("auto")]
        public string Language { get; init; } = "auto";

        /// <summary>Written style of Chinese output.</summary>
        [CommandOption("--style <STYLE>")]
        [Description("Chinese written style: caption (2025年3月5日, 上午10:30, 350元) or wetext (2025/03/05, 10:30a.m., ¥350)")]
        [DefaultValue("caption")]
        public string Style { get; init; } = "caption";

        /// <summary>Convert numbers that stand alone.</summary>
        [CommandOption("--standalone-numbers")]
        [Description("convert numbers with no unit after them (五十五 → 55)")]
        public bool StandaloneNumbers { get; init; }

        /// <summary>Leave numbers that stand alone as spoken.</summary>
        [CommandOption("--no-standalone-numbers")]
        [Description("only convert numbers followed by a unit or classifier")]
        public bool NoStandaloneNumbers { get; init; }

        /// <summary>Convert one-digit numbers.</summary>
        [CommandOption("--zero-to-nine")]
        [Description("convert single digits (九天 → 9天, one → 1)")]
        public bool ZeroToNine { get; init; }

        /// <summary>Leave one-digit numbers as spoken.</summary>
        [CommandOption("--no-zero-to-nine")]
        [Description("leave single digits as words")]
        public bool NoZeroToNine { get; init; }

        /// <summary>Drop fillers.</summary>
        [CommandOption("--remove-fillers")]
        [Description("drop hesitation fillers (呃, 啊, um, uh)")]
        public bool RemoveFillers { get; init; }

        /// <summary>Keep fillers.</summary>
        [CommandOption("--keep-fillers")]
        [Description("keep hesitation fillers")]
        public bool KeepFillers { get; init; }

        /// <summary>Classes to leave as spoken, comma-separated.</summary>
        [CommandOption("--disable <CLASSES>")]
        [Description("comma-separated classes to leave as spoken, e.g. Date,Time")]
        public string? Disable { get; init; }

        /// <inheritdoc />
        public override Spectre.Console.ValidationResult Validate()
        {
            if (StandaloneNumbers && NoStandaloneNumbers || ZeroToNine && NoZeroToNine || RemoveFillers && KeepFillers)
            {
                return Spectre.Console.ValidationResult.Error("an option and its --no-/--keep- form cannot both be given");
            }

            return Spectre.Console.ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var normalizer = CreateNormalizer(settings.Language);
        var options = BuildOptions(settings, normalizer.DefaultOptions);
        using var input = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        while (!cancellationToken.IsCancellationRequested && input.ReadLine() is { } line)
        {
            output.WriteLine(normalizer.Normalize(line, options).Text);
        }

        return 0;
    }

    private static IInverseTextNormalizer CreateNormalizer(string language)
    {
        try
        {
            return InverseTextNormalizer.For(language);
        }
        catch (ArgumentException)
        {
            throw new CliException($"unsupported language '{language}'; expected zh, en or auto");
        }
    }

    /// <summary>Reads a <c>--style</c> value; an unknown one is a usage error.</summary>
    internal static ItnStyle ParseStyle(string name)
    {
        try
        {
            return ItnStyles.Parse(name);
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    /// <summary>The language defaults overridden by the flags given.</summary>
    internal static ItnOptions BuildOptions(Settings settings, ItnOptions defaults)
    {
        var options = defaults with { Style = ParseStyle(settings.Style) };
        if (settings.StandaloneNumbers || settings.NoStandaloneNumbers)
        {
            options = options with { StandaloneNumbers = settings.StandaloneNumbers };
        }

        if (settings.ZeroToNine || settings.NoZeroToNine)
        {
            options = options with { ConvertZeroToNine = settings.ZeroToNine };
        }

        if (settings.RemoveFillers || settings.KeepFillers)
        {
            options = options with { RemoveFillers = settings.RemoveFillers };
        }

        if (!string.IsNullOrWhiteSpace(settings.Disable))
        {
            var disabled = ItnClass.None;
            foreach (var name in settings.Disable.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Enum.TryParse<ItnClass>(name, ignoreCase: true, out var itnClass) || itnClass is ItnClass.None or ItnClass.All)
                {
                    var known = string.Join(", ", Enum.GetNames<ItnClass>().Where(n => n is not ("None" or "All")));
                    throw new CliException($"unknown ITN class '{name}'; expected one of {known}");
                }

                disabled |= itnClass;
            }

            options = options with { EnabledClasses = options.EnabledClasses & ~disabled };
        }

        return options;
    }
}
