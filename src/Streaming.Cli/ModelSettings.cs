using System.ComponentModel;
using Spectre.Console.Cli;

namespace Streaming.Cli;

/// <summary>Where a command finds the models folder.</summary>
public class ModelsFolderSettings : CommandSettings
{
    /// <summary>Models folder.</summary>
    [CommandOption("--models <DIR>")]
    [Description("Models folder (default: the nearest models/ with a manifest.json)")]
    public string? Models { get; init; }
}

/// <summary>Where a command finds its models: the models folder and the recogniser in it.</summary>
public class ModelSettings : ModelsFolderSettings
{
    /// <summary>The recogniser used when none is named.</summary>
    public const string DefaultModel = "moonshine-tiny-en";

    /// <summary>The recogniser Mandarin commands use when none is named: the bundled streaming transducer.</summary>
    public const string MandarinModel = "zipformer-wenetspeech-zh";

    /// <summary>Recogniser folder under the models folder (settable: a command may pick one for the language).</summary>
    [CommandOption("--model <NAME>")]
    [Description("Recogniser folder under the models folder (default moonshine-tiny-en)")]
    public string Model { get; set; } = DefaultModel;

    /// <summary>Picks <see cref="MandarinModel"/> when no other recogniser was named (commands that measure Mandarin).</summary>
    public void PreferMandarin()
    {
        if (Model == DefaultModel)
        {
            Model = MandarinModel;
        }
    }
}
