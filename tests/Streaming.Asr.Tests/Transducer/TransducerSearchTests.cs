using Streaming.Asr.Transducer;
namespace Streaming.Asr.Tests.Transducer;

/// <summary>Tests of the search algorithms over <see cref="TableJoint"/>; they say nothing about a real model.</summary>
public sealed class TransducerSearchTests
{
    // Symbols: 0 blank, 1 "a", 2 "b", 3 "c".
    private static readonly double[][] Script =
    [
        [0.1, 0.7, 0.1, 0.1],
        [0.8, 0.1, 0.05, 0.05],
        [0.2, 0.1, 0.6, 0.1],
        [0.1, 0.1, 0.1, 0.7],
    ];

    [Fact]
    public void GreedyEmitsTheMostLikelySymbolPerFrameWithFrameAndProbability()
    {
        var joint = new TableJoint(4, (frame, _) => Script[frame]);
        var search = new TransducerGreedyDecoder(joint);
        search.Advance(TableJoint.Frames(2), 1);
        search.Advance([2f, 3f], 1);
        Assert.Equal([1, 2, 3], search.Best.Select(t => t.Id));
        Assert.Equal([0, 2, 3], search.Best.Select(t => t.Frame));
        Assert.Equal([0.7f, 0.6f, 0.7f], search.Best.Select(t => (float)Math.Round(t.Confidence, 5)));
        Assert.Equal(3, search.StableCount);
    }

    [Fact]
    public void GreedyContextStartsWithPaddingAndBlankThenShifts()
    {
        var joint = new TableJoint(4, (frame, _) => Script[frame]);
        var search = new TransducerGreedyDecoder(joint);
        search.Advance(TableJoint.Frames(4), 1);
        Assert.Equal([[-1L, 0L], [0L, 1L], [1L, 2L], [2L, 3L]], joint.Contexts);
        search.Reset();
        Assert.Empty(search.Best);
        Assert.Equal([-1L, 0L], joint.Contexts[^1]);
    }

    [Fact]
    public void BeamFindsTheSequenceGreedyMissesAndMergesAlignments()
    {
        // Frame 0 prefers "a" slightly; after "a" frame 1 is undecided, after "b" it is surely blank.
        // Greedy: "a", then "a" again (0.4) -> "a a" with P = 0.35 * 0.4 = 0.14. Beam: "b" then blank =
        // 0.3 * 0.9 = 0.27, plus the alignment (blank, "b") = 0.2 * 0.5 = 0.1 of the same sequence: 0.37 wins.
        double[] Probabilities(int frame, long last) => (frame, last) switch
        {
            (0, _) => [0.2, 0.35, 0.3, 0.15],
            (1, 1) => [0.2, 0.4, 0.2, 0.2],
            (1, 2) => [0.9, 0.05, 0.03, 0.02],
            _ => [0.3, 0.1, 0.5, 0.1],
        };

        var greedy = new TransducerGreedyDecoder(new TableJoint(4, Probabilities));
        greedy.Advance(TableJoint.Frames(2), 1);
        Assert.Equal([1, 1], greedy.Best.Select(t => t.Id));

        var beam = new TransducerModifiedBeamDecoder(new TableJoint(4, Probabilities), beamSize: 4);
        beam.Advance(TableJoint.Frames(2), 1);
        Assert.Equal([2], beam.Best.Select(t => t.Id));
        Assert.Equal(Math.Log((0.3 * 0.9) + (0.2 * 0.5)), beam.BestLogProbability, 5);
        Assert.Equal(0, beam.StableCount);
    }

    [Fact]
    public void BeamOfOneFollowsGreedy()
    {
        var random = new Random(11);
        var table = new Dictionary<(int, long), double[]>();
        double[] Probabilities(int frame, long last)
        {
            if (!table.TryGetValue((frame, last), out var p))
            {
                p = [.. Enumerable.Range(0, 5).Select(_ => random.NextDouble() + 0.01)];
                double sum = p.Sum();
                p = [.. p.Select(v => v / sum)];
                table[(frame, last)] = p;
            }

            return p;
        }

        var greedy = new TransducerGreedyDecoder(new TableJoint(5, Probabilities));
        greedy.Advance(TableJoint.Frames(30), 1);
        var beam = new TransducerModifiedBeamDecoder(new TableJoint(5, Probabilities), beamSize: 1);
        beam.Advance(TableJoint.Frames(30), 1);
        Assert.Equal(greedy.Best.Select(t => (t.Id, t.Frame)), beam.Best.Select(t => (t.Id, t.Frame)));
    }

    [Fact]
    public void BeamResetStartsOver()
    {
        var beam = new TransducerModifiedBeamDecoder(new TableJoint(4, (frame, _) => Script[frame]), beamSize: 3);
        beam.Advance(TableJoint.Frames(4), 1);
        Assert.Equal([1, 2, 3], beam.Best.Select(t => t.Id));
        beam.Reset();
        Assert.Empty(beam.Best);
        Assert.Equal(0, beam.BestLogProbability);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransducerModifiedBeamDecoder(new TableJoint(4, (f, _) => Script[f]), 0));
    }

    [Fact]
    public void BeamCountsAsStableOnlyThePrefixEveryHypothesisShares()
    {
        // Frame 0: "a" is certain. Frame 1: "b" and "c" are close, so the beam holds "a b" and "a c".
        // Frame 2: after "b" blank is certain, after "c" too: the beam still disagrees on the second token.
        double[] Probabilities(int frame, long last) => (frame, last) switch
        {
            (0, _) => [0.01, 0.97, 0.01, 0.01],
            (1, _) => [0.02, 0.02, 0.49, 0.47],
            _ => [0.97, 0.01, 0.01, 0.01],
        };

        var beam = new TransducerModifiedBeamDecoder(new TableJoint(4, Probabilities), beamSize: 3);
        beam.Advance(TableJoint.Frames(1), 1);
        Assert.Equal([1], beam.Best.Select(t => t.Id));
        Assert.Equal(0, beam.StableCount); // the beam also keeps "blank" and "b"/"c" alternatives for frame 0
        beam.Advance([1f, 2f], 1);
        Assert.Equal([1, 2], beam.Best.Select(t => t.Id));
        Assert.Equal(1, beam.StableCount);
        Assert.True(beam.StableCount <= beam.Best.Count);
    }

    [Fact]
    public void Greedy_treats_unknown_as_blank()
    {
        // Symbols: 0 blank, 1 "a", 2 "b", 3 <unk>. Frame 0 prefers <unk>: nothing is emitted and the context stays.
        double[][] script = [[0.1, 0.1, 0.1, 0.7], [0.1, 0.7, 0.1, 0.1]];
        var joint = new TableJoint(4, (frame, _) => script[frame]) { UnknownId = 3 };
        var search = new TransducerGreedyDecoder(joint);
        search.Advance(TableJoint.Frames(2), 1);
        Assert.Equal([(1, 1)], search.Best.Select(t => (t.Id, t.Frame)));
        Assert.Equal([[-1L, 0L], [0L, 1L]], joint.Contexts);
    }

    [Fact]
    public void Beam_treats_unknown_as_blank_and_merges_it_with_the_blank_path()
    {
        double[][] script = [[0.2, 0.05, 0.05, 0.7], [0.9, 0.04, 0.03, 0.03]];
        var beam = new TransducerModifiedBeamDecoder(new TableJoint(4, (frame, _) => script[frame]) { UnknownId = 3 }, beamSize: 4);
        beam.Advance(TableJoint.Frames(2), 1);
        Assert.Empty(beam.Best);
        Assert.Equal(Math.Log((0.2 + 0.7) * 0.9), beam.BestLogProbability, 5);
    }

    [Fact]
    public void Beam_runs_the_joint_once_per_frame_over_every_hypothesis()
    {
        // An int8 joiner quantises its input per tensor, so sherpa-onnx's logits for a hypothesis depend on the
        // hypotheses run beside it: all of a frame's hypotheses must go to the joiner in one run, never one by one.
        var joint = new TableJoint(4, (frame, _) => Script[frame]);
        var beam = new TransducerModifiedBeamDecoder(joint, beamSize: 3);
        beam.Advance(TableJoint.Frames(4), 1);
        Assert.Equal([1, 3, 3, 3], joint.Batches);
    }

    [Fact]
    public void Beam_best_is_the_highest_score_per_symbol_not_the_highest_total()
    {
        // "a" totals 0.6 * 0.5 + 0.4 * 0.005 = 0.302, "a b" 0.6 * 0.4999 = 0.29994; per symbol of history (tokens
        // plus the two start symbols) "a b" is better: ln(0.29994) / 4 > ln(0.302) / 3, and that is what sherpa-onnx picks.
        double[] Probabilities(int frame, long last) => (frame, last) switch
        {
            (0, _) => [0.4, 0.6, 1e-6],
            (1, 1) => [0.5, 1e-6, 0.4999],
            _ => [0.99, 0.005, 0.005],
        };

        var beam = new TransducerModifiedBeamDecoder(new TableJoint(3, Probabilities), beamSize: 4);
        beam.Advance(TableJoint.Frames(2), 1);
        Assert.Equal([1, 2], beam.Best.Select(t => t.Id));
    }
}
