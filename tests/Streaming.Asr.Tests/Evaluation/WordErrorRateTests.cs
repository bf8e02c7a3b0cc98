using Streaming.Asr.Evaluation;

namespace Streaming.Asr.Tests.Evaluation;

public sealed class WordErrorRateTests
{
    [Fact]
    public void Case_and_punctuation_do_not_count()
    {
        Assert.Equal(0, WordErrorRate.Compute("IT WAS THE FIRST GREAT SORROW", "It was the first great sorrow."));
        Assert.Equal(["don't", "stop"], WordErrorRate.Normalise("'Don't' -- stop!"));
    }

    [Fact]
    public void Substitutions_deletions_and_insertions_each_count_once()
    {
        string[] reference = ["a", "b", "c", "d"];
        Assert.Equal(1, WordErrorRate.Errors(reference, ["a", "x", "c", "d"]));
        Assert.Equal(1, WordErrorRate.Errors(reference, ["a", "c", "d"]));
        Assert.Equal(1, WordErrorRate.Errors(reference, ["a", "b", "c", "d", "e"]));
        Assert.Equal(4, WordErrorRate.Errors(reference, []));
        Assert.Equal(0.25, WordErrorRate.Compute("a b c d", "a b c"));
    }

    [Fact]
    public void Empty_reference_is_refused()
    {
        Assert.Throws<ArgumentException>(() => WordErrorRate.Compute(" ... ", "words"));
    }
}
