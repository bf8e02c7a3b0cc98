namespace Streaming.Text.Tests;

/// <summary>Spans map each written piece back to the spoken text it came from.</summary>
public sealed class SpanMappingTests
{
    [Fact]
    public void Chinese_spans_cover_the_source_in_order()
    {
        const string spoken = "二零二五年去了一百公里";
        var result = new ChineseInverseTextNormalizer().Normalize(spoken);

        Assert.Equal("2025年去了100km", result.Text);
        AssertCoversSource(spoken, result);
        var measure = Assert.Single(result.Spans, s => s.Class == ItnClass.Measure);
        Assert.Equal("100km", result.Text.Substring(measure.WrittenStart, measure.WrittenLength));
        Assert.Equal("一百公里", spoken.Substring(measure.SourceStart, measure.SourceLength));
    }

    [Fact]
    public void English_spans_map_rewrites_to_their_words()
    {
        const string spoken = "I paid twenty five dollars today";
        var result = new EnglishInverseTextNormalizer().Normalize(spoken);

        Assert.Equal("I paid $25 today", result.Text);
        AssertCoversSource(spoken, result);
        var money = Assert.Single(result.Spans, s => s.Class == ItnClass.Money);
        Assert.Equal("$25", result.Text.Substring(money.WrittenStart, money.WrittenLength));
        Assert.Equal("twenty five dollars", spoken.Substring(money.SourceStart, money.SourceLength));
    }

    [Fact]
    public void A_removed_filler_keeps_an_empty_written_span()
    {
        const string spoken = "呃你好";
        var result = new ChineseInverseTextNormalizer().Normalize(spoken);

        Assert.Equal("你好", result.Text);
        Assert.Equal(new ItnSpan(0, 0, 0, 1, ItnClass.None), result.Spans[0]);
        AssertCoversSource(spoken, result);
    }

    // Spans are ordered, do not overlap, and account for every non-space source character.
    private static void AssertCoversSource(string spoken, ItnResult result)
    {
        var covered = new bool[spoken.Length];
        var lastWritten = 0;
        foreach (var span in result.Spans)
        {
            Assert.True(span.WrittenStart >= lastWritten);
            lastWritten = span.WrittenStart + span.WrittenLength;
            for (var i = span.SourceStart; i < span.SourceStart + span.SourceLength; i++)
            {
                Assert.False(covered[i]);
                covered[i] = true;
            }
        }

        for (var i = 0; i < spoken.Length; i++)
        {
            Assert.True(covered[i] || spoken[i] == ' ', $"source index {i} is not covered");
        }
    }
}
