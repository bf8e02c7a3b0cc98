using System.Diagnostics;
using Streaming.Asr;
using Streaming.Asr.Catalog;
using Streaming.Inference;

namespace Streaming.Pipeline.Models;

/// <summary>
/// The recognisers of one engine (one device): each configured model loaded once, warmed up on silence, with
/// its own session factory. A model that loads but fails its warm-up is refused and reported, and the others
/// keep serving.
/// </summary>
public sealed class RecognizerSet : IDisposable
{
    private readonly IReadOnlyList<LoadedRecognizer> _loaded;

    private RecognizerSet(IReadOnlyList<LoadedRecognizer> loaded, ModelResolver resolver)
    {
        _loaded = loaded;
        Resolver = resolver;
    }

    /// <summary>The loaded recognisers, in configuration order.</summary>
    public IReadOnlyList<LoadedRecognizer> Loaded => _loaded;

    /// <summary>Resolves sessions' language and model choices against the loaded recognisers.</summary>
    public ModelResolver Resolver { get; }

    /// <summary>The loaded recogniser named <paramref name="name"/>.</summary>
    /// <exception cref="ModelChoiceException">It is not loaded.</exception>
    public LoadedRecognizer Get(string name) =>
        _loaded.FirstOrDefault(r => string.Equals(r.Info.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ModelChoiceException($"Model '{name}' is not installed. Installed models: {Resolver.Describe()}.");

    /// <summary>
    /// Loads the recognisers <paramref name="options"/> name (every recogniser of the manifest whose folder is
    /// present when it names none) from <paramref name="modelsDirectory"/> on <paramref name="backend"/>;
    /// <paramref name="sessions"/> builds a model's session factory given the model and the language of its ITN
    /// (its one language, or <see cref="ModelResolver.Auto"/> for a multilingual model).
    /// <paramref name="log"/> hears about refused models.
    /// </summary>
    /// <exception cref="ArgumentException">A model declares no language.</exception>
    /// <exception cref="InvalidDataException">A model folder is missing or holds no recognised model.</exception>
    public static RecognizerSet Load(
        SpeechEngineOptions options,
        string modelsDirectory,
        RecognizerOptions recognizerOptions,
        IAcousticBackend backend,
        Func<IRecognizerModel, string, SessionPipelineFactory> sessions,
        Action<string> log)
    {
        var manifest = ModelManifest.Read(modelsDirectory);
        IEnumerable<string> names = options.Models.Count > 0
            ? options.Models
            : manifest.Models.Where(m => m.IsRecognizer && Directory.Exists(Path.Combine(modelsDirectory, m.Name))).Select(m => m.Name);
        var loaded = new List<LoadedRecognizer>();
        var refused = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (var path in names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct())
            {
                var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
                var languages = LanguagesOf(name, manifest, options);
                var before = ResidentBytes();
                var model = RecognizerModelLoader.Load(Path.Combine(modelsDirectory, path), recognizerOptions, backend);
                try
                {
                    RecognizerWarmUp.Run(model, name);
                }
                catch (RecognizerWarmUpException ex)
                {
                    model.Dispose();
                    refused[name] = ex.Message;
                    log($"Refused model {name}: {ex.Message}");
                    continue;
                }

                var info = new RecognizerInfo(name, languages, manifest.Find(name)?.Kind ?? KindOf(model));
                var itnLanguage = languages.Count == 1 ? languages[0] : ModelResolver.Auto;
                loaded.Add(new LoadedRecognizer(info, model, Math.Max(0, ResidentBytes() - before), sessions(model, itnLanguage)));
            }
        }
        catch
        {
            foreach (var recognizer in loaded)
            {
                recognizer.Model.Dispose();
            }

            throw;
        }

        var resolver = new ModelResolver([.. loaded.Select(r => r.Info)], options.DefaultModel, options.DefaultLanguage, refused);
        foreach (var (language, name) in options.DefaultModel)
        {
            if (resolver.Languages.Contains(language) && resolver.DefaultFor(language) != name)
            {
                log($"Engine:DefaultModel:{language} is '{name}', which is not loaded; {language} sessions default to {resolver.DefaultFor(language)}.");
            }
        }

        return new RecognizerSet(loaded, resolver);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var recognizer in _loaded)
        {
            recognizer.Model.Dispose();
        }
    }

    private static IReadOnlyList<string> LanguagesOf(string name, ModelManifest manifest, SpeechEngineOptions options)
    {
        if (manifest.Find(name) is { IsRecognizer: true } entry)
        {
            return entry.Languages!;
        }

        if (options.ModelLanguages.TryGetValue(name, out var declared)
            && declared.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } languages)
        {
            return languages.All(l => l is "en" or "zh")
                ? languages
                : throw new ArgumentException($"Engine:ModelLanguages:{name} is '{declared}'; languages are en and zh.");
        }

        throw new ArgumentException(
            $"Model '{name}' declares no language: give it a \"languages\" entry in {ModelManifest.FileName} or set Engine:ModelLanguages:{name} (en, zh).");
    }

    // Both model kinds name themselves "kind:folder".
    private static string KindOf(IRecognizerModel model) => model.Name.Split(':')[0];

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
