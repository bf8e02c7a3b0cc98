using Streaming.Asr.Hotwords;
using Streaming.Asr.Tests.Transducer;
using Streaming.Asr.Transducer;

namespace Streaming.Asr.Tests.Hotwords;

/// <summary>Hotword fusion in modified beam search, over the hand-written <see cref="TableJoint"/> (not a model).</summary>
public sealed class TransducerHotwordSearchTests
{
    // Symbols: 0 blank, 1 "a", 2 "b", 3 "c", 4 "d". Acoustically "a b" (0.5 × 0.6) beats "c d" (0.35 × 0.6).
    private static double[] Probabilities(int frame, long last) => (frame, last) switch
    {
        (0, _) => [0.1, 0.5, 0.03, 0.35, 0.02],
        (1, 1) => [0.1, 0.05, 0.6, 0.05, 0.2],
        (1, 3) => [0.1, 0.05, 0.2, 0.05, 0.6],
        (1, _) => [0.6, 0.1, 0.1, 0.1, 0.1],
        _ => [0.9, 0.02, 0.02, 0.02, 0.04],
    };

    private static int[] Decode(ContextGraph? graph)
    {
        var search = new TransducerModifiedBeamDecoder(new TableJoint(5, Probabilities), beamSize: 4, graph);
        search.Advance(TableJoint.Frames(3), 1);
        return [.. search.Best.Select(t => t.Id)];
    }

    [Fact]
    public void Without_hotwords_the_acoustically_best_sequence_wins()
    {
        Assert.Equal([1, 2], Decode(null));
    }

    [Fact]
    public void Hotword_lifts_a_close_competitor_into_the_result()
    {
        var graph = ContextGraph.Build([("cd", [3, 4], 1f)]);

        Assert.Equal([3, 4], Decode(graph));
    }

    [Fact]
    public void Hotword_the_audio_does_not_support_is_not_forced_in()
    {
        // "d d" would need a second "d" where blank has 0.9: the prefix credit is taken back and "a b" stays.
        var graph = ContextGraph.Build([("dd", [4, 4], 1f)]);

        Assert.Equal([1, 2], Decode(graph));
    }

    [Fact]
    public void Reported_log_probability_stays_acoustic_with_hotwords()
    {
        var search = new TransducerModifiedBeamDecoder(new TableJoint(5, Probabilities), beamSize: 4, ContextGraph.Build([("cd", [3, 4], 1f)]));
        search.Advance(TableJoint.Frames(3), 1);

        // "c d" then blank, plus the alignment "c", blank... merged sequences only add probability mass.
        Assert.InRange(search.BestLogProbability, Math.Log(0.35 * 0.6 * 0.9) - 1e-6, 0);
        Assert.True(search.BestLogProbability < Math.Log(0.35 * 0.6 * 0.9) + 0.5);
    }
}
