using Streaming.Pipeline.Models;

namespace Streaming.Pipeline.Tests.Models;

public sealed class ModelResolverTests
{
    private static readonly RecognizerInfo Tiny = new("moonshine-tiny-en", ["en"], "moonshine");
    private static readonly RecognizerInfo Base = new("moonshine-base-en", ["en"], "moonshine");
    private static readonly RecognizerInfo Zh = new("zipformer-wenetspeech-zh", ["zh"], "transducer");

    private static ModelResolver Resolver(string defaultLanguage = "en", IReadOnlyDictionary<string, string>? refused = null) => new(
        [Tiny, Base, Zh],
        new Dictionary<string, string> { ["en"] = "moonshine-base-en", ["zh"] = "zipformer-wenetspeech-zh" },
        defaultLanguage,
        refused);

    [Theory]
    [InlineData("en", null, "en", "moonshine-base-en")]
    [InlineData("EN", "moonshine-tiny-en", "en", "moonshine-tiny-en")]
    [InlineData("zh", null, "zh", "zipformer-wenetspeech-zh")]
    [InlineData("auto", null, "en", "moonshine-base-en")]
    [InlineData(null, null, "en", "moonshine-base-en")]
    [InlineData("auto", "zipformer-wenetspeech-zh", "zh", "zipformer-wenetspeech-zh")]
    public void A_request_resolves_to_the_language_and_model_that_serve_it(string? language, string? model, string expectedLanguage, string expectedModel)
    {
        Assert.Equal(new ModelChoice(expectedLanguage, expectedModel), Resolver().Resolve(language, model));
    }

    [Fact]
    public void Auto_is_the_configured_default_language()
    {
        Assert.Equal(new ModelChoice("zh", "zipformer-wenetspeech-zh"), Resolver(defaultLanguage: "zh").Resolve("auto", null));
    }

    [Fact]
    public void A_model_of_another_language_is_refused_with_the_installed_list()
    {
        var error = Assert.Throws<ModelChoiceException>(() => Resolver().Resolve("zh", "moonshine-tiny-en"));

        Assert.Equal(
            "Model 'moonshine-tiny-en' serves en, not 'zh'. Installed models: moonshine-tiny-en (en), moonshine-base-en (en), zipformer-wenetspeech-zh (zh).",
            error.Message);
    }

    [Fact]
    public void A_language_no_model_serves_is_refused_with_the_installed_list()
    {
        var error = Assert.Throws<ModelChoiceException>(() => Resolver().Resolve("fr", null));

        Assert.Equal(
            "No model for language 'fr'. This server serves en, zh; installed models: moonshine-tiny-en (en), moonshine-base-en (en), zipformer-wenetspeech-zh (zh).",
            error.Message);
    }

    [Fact]
    public void A_model_refused_at_load_is_refused_with_the_reason()
    {
        var resolver = Resolver(refused: new Dictionary<string, string> { ["broken"] = "Model 'broken' loads but cannot run: node /x failed." });

        var error = Assert.Throws<ModelChoiceException>(() => resolver.Resolve("en", "broken"));

        Assert.StartsWith("Model 'broken' loads but cannot run: node /x failed. (refused at load). Installed models: moonshine-tiny-en (en)", error.Message);
    }

    [Fact]
    public void A_default_that_is_not_loaded_falls_back_to_the_first_model_of_the_language()
    {
        var resolver = new ModelResolver([Tiny], new Dictionary<string, string> { ["en"] = "moonshine-base-en" }, "en");

        Assert.Equal("moonshine-tiny-en", resolver.DefaultFor("en"));
        Assert.Null(resolver.DefaultFor("zh"));
    }
}
