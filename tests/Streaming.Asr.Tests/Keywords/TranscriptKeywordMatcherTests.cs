using Streaming.Asr.Keywords;

namespace Streaming.Asr.Tests.Keywords;

public sealed class TranscriptKeywordMatcherTests
{
    // " ask not what your country, can" spread one token a word (or two for "coun" "try,"), 0.5 s each.
    private static RecognizedToken[] Tokens(params string[] texts) =>
        [.. texts.Select((t, i) => new RecognizedToken(t, i * 0.5, (i + 1) * 0.5, 0.8f))];

    [Fact]
    public void A_keyword_matches_whole_words_whatever_their_case_and_punctuation()
    {
        var matcher = new TranscriptKeywordMatcher([new Keyword("Country")]);
        var tokens = Tokens(" ask", " not", " what", " your", " coun", "try,", " can");

        var hit = Assert.Single(matcher.Match(tokens, tokens.Length, complete: true));

        Assert.Equal(new KeywordHit("Country", 2.0, 3.0, 0.8f), hit);
    }

    [Fact]
    public void A_keyword_inside_a_longer_word_is_not_a_hit()
    {
        var matcher = new TranscriptKeywordMatcher([new Keyword("count")]);
        var tokens = Tokens(" your", " coun", "try");

        Assert.Empty(matcher.Match(tokens, tokens.Length, complete: true));
    }

    [Fact]
    public void A_phrase_matches_consecutive_words_and_each_occurrence_once()
    {
        var matcher = new TranscriptKeywordMatcher([new Keyword("fellow Americans")]);
        var tokens = Tokens(" my", " fellow", " Americans!", " my", " Fellow", "-", "americans");

        var hits = matcher.Match(tokens, tokens.Length, complete: true);

        Assert.Equal([(0.5, 1.5), (2.0, 3.5)], hits.Select(h => (h.Start, h.End)));
    }

    [Fact]
    public void A_partial_offers_only_stable_words_known_to_be_complete()
    {
        var matcher = new TranscriptKeywordMatcher([new Keyword("country")]);
        var growing = Tokens(" your", " coun", "try");
        var settled = Tokens(" your", " coun", "try", " can");

        Assert.Empty(matcher.Match(growing, 3, complete: false));
        Assert.Empty(matcher.Match(settled, 2, complete: false));
        Assert.Single(matcher.Match(settled, 3, complete: false));
    }

    [Fact]
    public void A_hit_reported_in_a_partial_is_not_reported_again_until_the_next_segment()
    {
        var matcher = new TranscriptKeywordMatcher([new Keyword("refund")]);
        var partial = Tokens(" a", " refund", " please");
        var final = Tokens(" a", " refund", " please", " refund");

        Assert.Single(matcher.Match(partial, 2, complete: false));
        var later = Assert.Single(matcher.Match(final, final.Length, complete: true));
        Assert.Equal(1.5, later.Start);

        matcher.Reset();
        Assert.Equal(2, matcher.Match(final, final.Length, complete: true).Count);
    }

    [Fact]
    public void A_hit_below_the_keywords_threshold_is_not_reported()
    {
        var matcher = new TranscriptKeywordMatcher([new Keyword("refund", Threshold: 0.9f), new Keyword("please", Threshold: 0.5f)]);
        var tokens = Tokens(" refund", " please");

        Assert.Equal(["please"], matcher.Match(tokens, tokens.Length, complete: true).Select(h => h.Keyword));
    }

    [Theory]
    [InlineData("?!", "has no letters or digits")]
    [InlineData("r e f @refund", "is spelt in tokens")]
    public void Keywords_text_matching_cannot_use_are_refused(string phrase, string message)
    {
        var keyword = phrase.Contains('@') ? new Keyword("refund", Spelling: ["r", "e", "f"]) : new Keyword(phrase);

        var ex = Assert.Throws<KeywordException>(() => new TranscriptKeywordMatcher([keyword]));

        Assert.Contains(message, ex.Message);
    }
}
