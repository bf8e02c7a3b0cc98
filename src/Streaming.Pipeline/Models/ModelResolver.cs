namespace Streaming.Pipeline.Models;

/// <summary>
/// Turns what a client asked for (<c>language</c>: zh, en or auto; <c>model</c>: a name or nothing) into the
/// <see cref="ModelChoice"/> that serves it, or refuses with the installed list. Every ingress (hub, FunASR,
/// SIP, WHIP, batch jobs, CLI) resolves through this one class so they agree.
/// </summary>
public sealed class ModelResolver
{
    /// <summary>The language value that means "the server's default".</summary>
    public const string Auto = "auto";

    private readonly IReadOnlyDictionary<string, string> _defaults;
    private readonly IReadOnlyDictionary<string, string> _unavailable;

    /// <summary>
    /// Creates the resolver over the <paramref name="installed"/> recognisers (in preference order),
    /// the configured default model per language, the language <c>auto</c> means, and the models that were
    /// configured but refused at load (name → why).
    /// </summary>
    public ModelResolver(
        IReadOnlyList<RecognizerInfo> installed,
        IReadOnlyDictionary<string, string> defaults,
        string defaultLanguage,
        IReadOnlyDictionary<string, string>? unavailable = null)
    {
        Installed = installed;
        _defaults = defaults;
        DefaultLanguage = defaultLanguage;
        _unavailable = unavailable ?? new Dictionary<string, string>();
    }

    /// <summary>The recognisers sessions may ask for.</summary>
    public IReadOnlyList<RecognizerInfo> Installed { get; }

    /// <summary>The language <c>auto</c> stands for.</summary>
    public string DefaultLanguage { get; }

    /// <summary>Models configured but refused when loaded, with the reason.</summary>
    public IReadOnlyDictionary<string, string> Unavailable => _unavailable;

    /// <summary>Languages some installed model serves, in first-seen order.</summary>
    public IReadOnlyList<string> Languages => [.. Installed.SelectMany(m => m.Languages).Distinct()];

    /// <summary>The model serving <paramref name="language"/> when a session names none, or null when none does.</summary>
    public string? DefaultFor(string language) =>
        _defaults.TryGetValue(language, out var name) && Installed.Any(m => m.Name == name && m.Languages.Contains(language))
            ? name
            : Installed.FirstOrDefault(m => m.Languages.Contains(language))?.Name;

    /// <summary>
    /// Resolves a request. <c>auto</c> (or no language) is <see cref="DefaultLanguage"/>, except that a named model
    /// which does not serve it picks its own first language.
    /// </summary>
    /// <exception cref="ModelChoiceException">The language or model is unknown, not installed, or they do not match.</exception>
    public ModelChoice Resolve(string? language, string? model)
    {
        var asked = string.IsNullOrWhiteSpace(language) ? Auto : language.Trim().ToLowerInvariant();
        var name = string.IsNullOrWhiteSpace(model) ? null : model.Trim();
        if (name is not null)
        {
            var info = Find(name);
            if (asked == Auto)
            {
                return new ModelChoice(info.Languages.Contains(DefaultLanguage) ? DefaultLanguage : info.Languages[0], info.Name);
            }

            return info.Languages.Contains(asked)
                ? new ModelChoice(asked, info.Name)
                : throw new ModelChoiceException(
                    $"Model '{info.Name}' serves {string.Join(", ", info.Languages)}, not '{language}'. Installed models: {Describe()}.");
        }

        var spoken = asked == Auto ? DefaultLanguage : asked;
        return DefaultFor(spoken) is { } chosen
            ? new ModelChoice(spoken, chosen)
            : throw new ModelChoiceException(
                $"No model for language '{language ?? Auto}'. This server serves {(Languages.Count == 0 ? "no language" : string.Join(", ", Languages))}; installed models: {Describe()}.");
    }

    /// <summary>The installed models as "name (languages)", comma-separated, for error messages.</summary>
    public string Describe() => Installed.Count == 0 ? "none" : string.Join(", ", Installed);

    private RecognizerInfo Find(string name)
    {
        if (Installed.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)) is { } found)
        {
            return found;
        }

        throw new ModelChoiceException(_unavailable.TryGetValue(name, out var reason)
            ? $"{reason.TrimEnd()} (refused at load). Installed models: {Describe()}."
            : $"Model '{name}' is not installed. Installed models: {Describe()}.");
    }
}
