using Streaming.Asr.Vad;
using Streaming.Audio;
using Streaming.Testing;
using Streaming.Text;

namespace Streaming.Pipeline.Tests;

/// <summary>
/// Mandarin finals go through the engine's ITN in the session's style: a scripted recogniser decodes a
/// spoken date and time in every utterance of real speech, and the pipeline's finals carry its written form.
/// </summary>
public sealed class ItnStyleSessionTests(PipelineHarness harness) : IClassFixture<PipelineHarness>
{
    private const string Spoken = "会议定在二零二六年一月十二日上午十点半";
    private static readonly (float[] Samples, int Rate) Jfk = WavReader.ReadAllMono(TestPaths.InRepo("samples", "jfk.wav"));

    private async Task<List<TranscriptEvent>> FinalsAsync(ItnStyle engineStyle, ItnStyle? sessionStyle)
    {
        var factory = new SessionPipelineFactory(
            harness.Vad, new VadOptions(), new ScriptedRecognizer(wordEnd: 0.5, Spoken), InverseTextNormalizer.For("zh", engineStyle), new PipelineOptions());
        await using var pipeline = factory.Create(new SessionSettings(new AudioInputFormat(AudioCodec.Pcm16, Jfk.Rate), ItnStyle: sessionStyle));
        var events = await PipelineHarness.RunAsync(pipeline, Jfk.Samples, Jfk.Rate);
        var finals = events.OfType<TranscriptEvent>().Where(t => t.IsFinal && t.Text.Length > 0).ToList();
        Assert.NotEmpty(finals);
        Assert.All(finals, f => Assert.Equal(Spoken, f.Text));
        return finals;
    }

    [Fact]
    public async Task Finals_are_written_in_the_caption_style_by_default()
    {
        var finals = await FinalsAsync(ItnStyle.Caption, sessionStyle: null);
        Assert.All(finals, f => Assert.Equal("会议定在2026年1月12日上午10:30", f.ItnText));
    }

    [Fact]
    public async Task A_session_style_overrides_the_engine_style()
    {
        var finals = await FinalsAsync(ItnStyle.Caption, ItnStyle.WeText);
        Assert.All(finals, f => Assert.Equal("会议定在2026/01/12 10:30a.m.", f.ItnText));

        finals = await FinalsAsync(ItnStyle.WeText, ItnStyle.Caption);
        Assert.All(finals, f => Assert.Equal("会议定在2026年1月12日上午10:30", f.ItnText));
    }

    [Fact]
    public async Task Without_a_session_style_the_engine_style_holds()
    {
        var finals = await FinalsAsync(ItnStyle.WeText, sessionStyle: null);
        Assert.All(finals, f => Assert.Equal("会议定在2026/01/12 10:30a.m.", f.ItnText));
    }
}
