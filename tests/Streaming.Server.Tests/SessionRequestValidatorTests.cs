using Streaming.Pipeline;
using Streaming.Pipeline.Models;
using Streaming.Protocol;
using Streaming.Server.Hosting;
using Streaming.Server.Sessions;
using Streaming.Text;

namespace Streaming.Server.Tests;

public sealed class SessionRequestValidatorTests
{
    private static readonly ModelResolver Models = new(
        [new RecognizerInfo("moonshine-tiny-en", ["en"], "moonshine"), new RecognizerInfo("moonshine-base-en", ["en"], "moonshine")],
        new Dictionary<string, string> { ["en"] = "moonshine-base-en" },
        "en");

    private readonly SessionRequestValidator _validator = new(new ServerOptions { MaxHotwords = 2, MaxHotwordLength = 5, MaxKeywords = 2, MaxKeywordLength = 8 }, Models, ["cpu", "npu:0"]);

    [Fact]
    public void A_valid_request_becomes_a_plan_with_trimmed_hotwords()
    {
        var plan = _validator.Validate(new SessionRequest { Language = "EN", SampleRate = 48000, Codec = "opus", Hotwords = [" abc "], Itn = false });

        Assert.Equal("en", plan.Language);
        Assert.Equal("moonshine-base-en", plan.Model);
        Assert.Equal(new AudioInputFormat(AudioCodec.Opus, 48000), plan.Settings.Format);
        Assert.False(plan.Settings.Itn);
        Assert.Equal(["abc"], plan.Settings.Hotwords);
        Assert.Equal("cpu", plan.Device);
    }

    [Fact]
    public void A_session_may_choose_any_listed_device_and_no_other()
    {
        Assert.Equal("npu:0", _validator.Validate(new SessionRequest { Device = " NPU:0 " }).Device);

        var error = Assert.Throws<SessionRefusedException>(() => _validator.Validate(new SessionRequest { Device = "cuda:0" }));

        Assert.Equal("Device 'cuda:0' is not available here; choose one of: cpu, npu:0.", error.Message);
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("fr")]
    public void An_unsupported_language_is_refused_naming_the_installed_models(string language)
    {
        var error = Assert.Throws<SessionRefusedException>(() => _validator.Validate(new SessionRequest { Language = language }));

        Assert.Equal(
            $"No model for language '{language}'. This server serves en; installed models: moonshine-tiny-en (en), moonshine-base-en (en).",
            error.Message);
    }

    [Fact]
    public void A_session_may_name_an_installed_model_of_its_language_and_auto_or_no_language_is_the_default()
    {
        Assert.Equal(("en", "moonshine-tiny-en"), Choice(new SessionRequest { Language = "en", Model = "moonshine-tiny-en" }));
        Assert.Equal(("en", "moonshine-base-en"), Choice(new SessionRequest { Language = "auto" }));
        Assert.Equal(("en", "moonshine-base-en"), Choice(new SessionRequest { Language = "" }));
    }

    [Fact]
    public void An_unknown_model_is_refused_with_the_installed_list()
    {
        var error = Assert.Throws<SessionRefusedException>(() => _validator.Validate(new SessionRequest { Model = "whisper-large" }));

        Assert.Equal("Model 'whisper-large' is not installed. Installed models: moonshine-tiny-en (en), moonshine-base-en (en).", error.Message);
    }

    private (string Language, string Model) Choice(SessionRequest request)
    {
        var plan = _validator.Validate(request);
        return (plan.Language, plan.Model);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("caption", ItnStyle.Caption)]
    [InlineData(" WeText", ItnStyle.WeText)]
    public void The_itn_style_is_carried_into_the_session(string? style, ItnStyle? expected) =>
        Assert.Equal(expected, _validator.Validate(new SessionRequest { ItnStyle = style }).Settings.ItnStyle);

    [Fact]
    public void An_unknown_itn_style_is_refused_naming_the_known_ones()
    {
        var error = Assert.Throws<SessionRefusedException>(() => _validator.Validate(new SessionRequest { ItnStyle = "print" }));

        Assert.Equal("Unknown ITN style 'print'; expected caption or wetext.", error.Message);
    }

    [Fact]
    public void An_unknown_codec_is_refused()
    {
        var error = Assert.Throws<SessionRefusedException>(() => _validator.Validate(new SessionRequest { Codec = "mp3" }));

        Assert.Equal("Codec 'mp3' is not supported; use pcm16 or opus.", error.Message);
    }

    [Fact]
    public void A_sample_rate_the_codec_cannot_take_is_refused()
    {
        var error = Assert.Throws<SessionRefusedException>(() => _validator.Validate(new SessionRequest { Codec = "opus", SampleRate = 44100 }));

        Assert.StartsWith("Sample rate 44100 Hz is not supported for Opus", error.Message);
    }

    [Theory]
    [InlineData(new[] { "a", "b", "c" }, "3 hotwords given; at most 2 are allowed.")]
    [InlineData(new[] { "toolong" }, "Hotword 1 has 7 characters; at most 5 are allowed.")]
    [InlineData(new[] { "ok", " " }, "Hotword 2 is empty.")]
    public void Hotwords_beyond_the_limits_are_refused(string[] hotwords, string message)
    {
        var error = Assert.Throws<SessionRefusedException>(() => _validator.Validate(new SessionRequest { Hotwords = hotwords }));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(new[] { "a", "b", "c" }, "3 keywords given; at most 2 are allowed.")]
    [InlineData(new[] { "too long!!" }, "Keyword 1 has 10 characters; at most 8 are allowed.")]
    [InlineData(new[] { "ok", "" }, "Keyword 2 is empty.")]
    public void Keywords_beyond_the_limits_are_refused(string[] keywords, string message)
    {
        var error = Assert.Throws<SessionRefusedException>(() => _validator.Validate(new SessionRequest { Keywords = keywords }));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Keywords_and_role_are_kept_in_the_plan()
    {
        var plan = _validator.Validate(new SessionRequest { Keywords = [" refund "], Role = "agent" });

        Assert.Equal(["refund"], plan.Settings.Keywords);
        Assert.Equal("agent", plan.Role);
    }

    [Theory]
    [InlineData("")]
    [InlineData("the agent")]
    [InlineData("ROLE-NAME-LONGER-THAN-THIRTY-TWO-CHARACTERS")]
    public void A_role_that_is_not_a_short_name_is_refused(string role)
    {
        var error = Assert.Throws<SessionRefusedException>(() => _validator.Validate(new SessionRequest { Role = role }));

        Assert.Contains("must be 1 to 32 letters, digits", error.Message);
    }

    [Fact]
    public void Endpoint_settings_out_of_range_are_refused()
    {
        var error = Assert.Throws<SessionRefusedException>(() =>
            _validator.Validate(new SessionRequest { Endpoint = new Protocol.EndpointSettings { MaxTrailingSilenceMs = 20 } }));

        Assert.Contains("maxTrailingSilenceMs 20 is out of range", error.Message);
    }

    [Fact]
    public void Endpoint_and_hotwords_reach_the_pipeline_settings()
    {
        var plan = _validator.Validate(new SessionRequest
        {
            Hotwords = ["JFK"],
            Endpoint = new Protocol.EndpointSettings { MaxTrailingSilenceMs = 800, MaxUtteranceMs = 15_000 },
        });

        Assert.Equal(["JFK"], plan.Settings.Hotwords);
        Assert.Equal(new Pipeline.EndpointSettings(800, 15_000), plan.Settings.Endpoint);
    }

    [Fact]
    public void A_pcm_message_lasts_its_samples_over_the_rate()
    {
        var plan = _validator.Validate(new SessionRequest { SampleRate = 8000 });

        Assert.Equal(0.1, plan.DurationOf(new byte[1600]), 6);
    }
}
