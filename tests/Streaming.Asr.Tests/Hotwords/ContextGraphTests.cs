using Streaming.Asr.Hotwords;

namespace Streaming.Asr.Tests.Hotwords;

/// <summary>The Aho-Corasick context graph on hand-made token ids (1 = "a", 2 = "b", 3 = "c", ...).</summary>
public sealed class ContextGraphTests
{
    private static ContextGraph Graph(params (string Name, int[] Tokens, float Boost)[] phrases) => ContextGraph.Build(phrases);

    /// <summary>Feeds tokens from the root and returns the summed bonus (plus the closing withdrawal) and the last state.</summary>
    private static (float Total, int State) Run(ContextGraph graph, int[] tokens, bool finish = true)
    {
        int state = graph.Root;
        float total = 0;
        foreach (int token in tokens)
        {
            state = graph.Step(state, token, out float bonus);
            total += bonus;
        }

        return (total + (finish ? graph.Finish(state) : 0), state);
    }

    private sealed class ReadingsSpeller(Dictionary<string, int[][]> spellings, float share = 1f) : IHotwordSpeller
    {
        public float TokenShare => share;

        public IReadOnlyList<int[]> Spell(string phrase) => spellings[phrase];
    }

    [Fact]
    public void Every_spelling_of_a_phrase_is_a_path_to_it_with_the_phrase_boost()
    {
        // A polyphone read two ways: "a b c" and "a d c".
        var speller = new ReadingsSpeller(new() { ["abc"] = [[1, 2, 3], [1, 4, 3]], ["e"] = [[5]] });
        var graph = ContextGraph.Build([new Hotword("abc", 2f), new Hotword("e")], speller, defaultBoost: 1f);

        Assert.Equal(3, graph.PhraseCount);
        foreach (int[] reading in (int[][])[[1, 2, 3], [1, 4, 3]])
        {
            var (total, _) = Run(graph, reading);
            var (_, end) = Run(graph, reading, finish: false);
            Assert.Equal(6f, total, 4);
            Assert.Equal(["abc"], graph.Matches(end));
        }

        Assert.Equal(1f, Run(graph, [5]).Total, 4);
    }

    [Fact]
    public void Tokens_of_a_finer_speller_earn_their_share_of_the_boost()
    {
        var speller = new ReadingsSpeller(new() { ["abc"] = [[1, 2, 3]] }, share: 0.5f);
        var graph = ContextGraph.Build([new Hotword("abc", 2f)], speller, defaultBoost: 1f);

        Assert.Equal(3f, Run(graph, [1, 2, 3]).Total, 4);
    }

    [Fact]
    public void Full_match_keeps_boost_times_length_and_reports_the_phrase()
    {
        var graph = Graph(("abc", [1, 2, 3], 2f));

        var (total, state) = Run(graph, [9, 1, 2, 3, 9]);

        Assert.Equal(6f, total, 4);
        var (_, end) = Run(graph, [1, 2, 3], finish: false);
        Assert.Equal(["abc"], graph.Matches(end));
        Assert.Empty(graph.Matches(state));
    }

    [Fact]
    public void Partial_credit_is_paid_per_token_while_matching()
    {
        var graph = Graph(("abc", [1, 2, 3], 1.5f));
        int state = graph.Root;

        state = graph.Step(state, 1, out float first);
        state = graph.Step(state, 2, out float second);
        graph.Step(state, 3, out float third);

        Assert.Equal([1.5f, 1.5f, 1.5f], [first, second, third]);
    }

    [Fact]
    public void Failed_prefix_gives_its_credit_back()
    {
        var graph = Graph(("abc", [1, 2, 3], 2f));

        var (total, state) = Run(graph, [1, 2, 9], finish: false);

        Assert.Equal(0f, total, 4);
        Assert.Equal(graph.Root, state);
    }

    [Fact]
    public void Prefix_left_open_at_the_end_is_withdrawn_by_finish()
    {
        var graph = Graph(("abc", [1, 2, 3], 2f));

        var (open, state) = Run(graph, [1, 2], finish: false);

        Assert.Equal(4f, open, 4);
        Assert.Equal(-4f, graph.Finish(state), 4);
    }

    [Fact]
    public void Failure_link_continues_a_match_that_starts_inside_a_failed_one()
    {
        // "a b a b c": the first "a b" fails at the second "a", which starts the real match.
        var graph = Graph(("abc", [1, 2, 3], 1f));

        var (total, _) = Run(graph, [1, 2, 1, 2, 3]);

        Assert.Equal(3f, total, 4);
    }

    [Fact]
    public void Overlapping_phrases_each_earn_their_credit()
    {
        // Classic Aho-Corasick set: "he", "she", "his", "hers" over "ushers" finds "she", "he" and "hers".
        // Ids: u=1, s=2, h=3, e=4, r=5, i=6.
        var graph = Graph(("he", [3, 4], 1f), ("she", [2, 3, 4], 1f), ("his", [3, 6, 2], 1f), ("hers", [3, 4, 5, 2], 1f));

        var (_, afterShe) = Run(graph, [1, 2, 3, 4], finish: false);
        var (total, _) = Run(graph, [1, 2, 3, 4, 5, 2]);

        Assert.Equal(["she", "he"], graph.Matches(afterShe));

        // "she" 3 + "he" inside it 2 + "hers" 2 more: its first two tokens are "he", already paid.
        Assert.Equal(3f + 2f + 2f, total, 4);
    }

    [Fact]
    public void Shorter_phrase_inside_an_abandoned_longer_one_keeps_its_credit()
    {
        // "x a c" is abandoned after "x a", but "a" alone is a phrase and was completed.
        var graph = Graph(("xac", [7, 1, 3], 1f), ("a", [1], 2f));

        var (total, _) = Run(graph, [7, 1, 9]);

        Assert.Equal(2f, total, 4);
    }

    [Fact]
    public void Phrase_that_begins_a_longer_one_keeps_its_credit_when_the_longer_fails()
    {
        var graph = Graph(("ab", [1, 2], 1f), ("abcd", [1, 2, 3, 4], 1f));

        var (total, _) = Run(graph, [1, 2, 3, 9]);

        Assert.Equal(2f, total, 4);
    }

    [Fact]
    public void Per_phrase_boosts_apply_and_duplicates_keep_the_larger()
    {
        var graph = Graph(("ab", [1, 2], 1f), ("cd", [3, 4], 3f), ("ab again", [1, 2], 2.5f));

        Assert.Equal(2, graph.PhraseCount);
        Assert.Equal(5f, Run(graph, [1, 2]).Total, 4);
        Assert.Equal(6f, Run(graph, [3, 4]).Total, 4);
    }

    [Fact]
    public void Tokens_that_may_earn_credit_are_the_phrase_starts_and_the_continuations()
    {
        var graph = Graph(("abc", [1, 2, 3], 1f), ("bd", [2, 4], 1f));
        int afterA = graph.Step(graph.Root, 1, out _);
        var continuations = new HashSet<int>();

        graph.ContinuationTokens(afterA, continuations);

        Assert.Equal([1, 2], graph.RootTokens.Order());
        Assert.Equal([2], continuations);
        Assert.Equal(-1f, graph.LeaveBonus(afterA), 4);
    }

    [Fact]
    public void Empty_token_sequence_or_bad_boost_is_refused_with_the_phrase_named()
    {
        var empty = Assert.Throws<HotwordException>(() => Graph(("nothing", [], 1f)));
        var negative = Assert.Throws<HotwordException>(() => Graph(("minus", [1], -1f)));

        Assert.Contains("nothing", empty.Message);
        Assert.Contains("minus", negative.Message);
    }
}
