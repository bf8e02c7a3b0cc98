using Streaming.Asr.Keywords;

namespace Streaming.Asr.Tests.Keywords;

public sealed class KeywordGraphTests
{
    private static readonly Keyword A = new("A");
    private static readonly Keyword B = new("B", Boost: 2f, Threshold: 0.6f);

    private static KeywordGraph Graph() => KeywordGraph.Build([(A, [[1, 2, 3]]), (B, [[2, 4]])], defaultBoost: 1f, defaultThreshold: 0.25f);

    [Fact]
    public void Following_a_spelling_pays_each_token_and_its_end_pays_the_whole_keyword_again()
    {
        var graph = Graph();

        int s1 = graph.Step(graph.Root, 1, out float first);
        int s2 = graph.Step(s1, 2, out float second);
        int end = graph.Step(s2, 3, out float last);

        Assert.Equal([1f, 1f, 4f], [first, second, last]);
        Assert.Equal(-1, graph.MatchedEnd(s2));
        Assert.Equal(end, graph.MatchedEnd(end));
        Assert.Same(A, graph.KeywordAt(end));
        Assert.Equal(3, graph.DepthOf(end));
        Assert.Equal(0.25f, graph.ThresholdOf(end));
    }

    [Fact]
    public void Leaving_a_spelling_takes_its_credit_back_and_follows_the_failure_link_into_another()
    {
        var graph = Graph();
        int s12 = graph.Step(graph.Step(graph.Root, 1, out _), 2, out _);

        int end = graph.Step(s12, 4, out float score);

        // Back from "1 2" (credit 2) to B's "2", then on to its end: B's two tokens at 2 each, plus B's end bonus.
        Assert.Equal(-2f + 4f + 4f, score);
        Assert.Same(B, graph.KeywordAt(graph.MatchedEnd(end)));
        Assert.Equal(2, graph.DepthOf(end));
        Assert.Equal(0.6f, graph.ThresholdOf(end));
    }

    [Fact]
    public void A_token_outside_every_keyword_returns_to_the_root_and_takes_all_credit_back()
    {
        var graph = Graph();
        int s1 = graph.Step(graph.Root, 1, out _);

        Assert.Equal(graph.Root, graph.Step(s1, 9, out float score));
        Assert.Equal(-1f, score);
        Assert.Equal(graph.Root, graph.Step(graph.Root, 9, out float none));
        Assert.Equal(0f, none);
    }

    [Fact]
    public void A_keyword_ending_inside_a_longer_path_is_matched_through_the_failure_chain()
    {
        var c = new Keyword("C");
        var graph = KeywordGraph.Build([(A, [[1, 2, 3]]), (c, [[2]])], 1f, 0.25f);

        int s12 = graph.Step(graph.Step(graph.Root, 1, out _), 2, out _);

        Assert.Same(c, graph.KeywordAt(graph.MatchedEnd(s12)));
        Assert.Equal(1, graph.DepthOf(graph.MatchedEnd(s12)));
    }

    [Fact]
    public void Every_spelling_of_a_keyword_ends_in_it()
    {
        var graph = KeywordGraph.Build([(A, [[1, 2], [1, 3]])], 1f, 0.25f);
        int s1 = graph.Step(graph.Root, 1, out _);

        Assert.Same(A, graph.KeywordAt(graph.MatchedEnd(graph.Step(s1, 2, out _))));
        Assert.Same(A, graph.KeywordAt(graph.MatchedEnd(graph.Step(s1, 3, out _))));
        Assert.Equal(4, graph.StateCount);
    }

    [Fact]
    public void Empty_spelling_is_refused()
    {
        var error = Assert.Throws<KeywordException>(() => KeywordGraph.Build([(A, [Array.Empty<int>()])], 1f, 0.25f));

        Assert.Contains("'A'", error.Message);
    }
}
