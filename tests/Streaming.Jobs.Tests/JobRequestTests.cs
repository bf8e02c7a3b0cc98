using Streaming.Asr.Vad;
using Streaming.Jobs.Api;

namespace Streaming.Jobs.Tests;

/// <summary>The ITN style of a job request, as the API turns it into job settings.</summary>
public sealed class JobRequestTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData(" WeText ", "wetext")]
    [InlineData("caption", "caption")]
    public void The_itn_style_is_kept_with_the_job(string? requested, string? stored)
    {
        var settings = new JobRequest { ItnStyle = requested }.ToSettings(out var error);

        Assert.Null(error);
        Assert.Equal(stored, settings!.ItnStyle);
        Assert.Null(settings.Validate(new VadOptions()));
    }

    [Fact]
    public void An_unknown_itn_style_is_a_validation_problem()
    {
        var settings = new JobRequest { ItnStyle = "print" }.ToSettings(out _);

        Assert.Equal("Unknown ITN style 'print'; expected caption or wetext.", settings!.Validate(new VadOptions()));
    }
}
