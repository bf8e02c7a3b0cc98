using Streaming.Pipeline;
using Streaming.Protocol;
using Streaming.Server.Hosting;
using Streaming.Server.Sessions;
using Streaming.Text;

namespace Streaming.Server.Tests;

public sealed class SessionRequestValidatorTests
{
    private readonly SessionRequestValidator _validator = new(new ServerOptions { MaxHotwords = 2, MaxHotwordLength = 5 }, ["en", "auto"], ["cpu", "npu:0"]);

    [Fact]
    public void A_valid_request_becomes_a_plan_with_trimmed_hotwords()
    {
        var plan = _validator.Validate(new SessionRequest { Language = "EN", SampleRate = 48000, Codec = "opus", Hotwords = [" abc "], Itn = false });

        Assert.Equal("en", plan.Language);
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
    [InlineData("zh", "No model for language 'zh'. This server supports: en, auto.")]
    [InlineData("", "No model for language ''. This server supports: en, auto.")]
    public void An_unsupported_language_is_refused_naming_the_supported_ones(string language, string message)
    {
        var error = Assert.Throws<SessionRefusedException>(() => _validator.Validate(new SessionRequest { Language = language }));

        Assert.Equal(message, error.Message);
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
