using Streaming.Asr.Keywords;

namespace Streaming.Asr.Tests.Keywords;

public sealed class KeywordListTests
{
    [Fact]
    public void Keywords_as_written_take_optional_boost_and_threshold_in_either_order()
    {
        var list = KeywordList.Parse(
            ["# compliance", "本次通话将被录音", "", "refund :2.5", "文森特卡索 #0.3 :1.5", "  money  back   #0.1"], "test");

        Assert.Equal(4, list.Count);
        AssertKeyword(list[0], "本次通话将被录音", null, null);
        AssertKeyword(list[1], "refund", 2.5f, null);
        AssertKeyword(list[2], "文森特卡索", 1.5f, 0.3f);
        AssertKeyword(list[3], "money back", null, 0.1f);
        Assert.All(list, k => Assert.Null(k.Spelling));
    }

    [Fact]
    public void Sherpa_spelling_gives_tokens_before_the_at_sign_and_the_phrase_after_it()
    {
        var list = KeywordList.Parse(["w én s ēn t è k ǎ s uǒ @文森特卡索", "n ǐ h ǎo :2.0 #0.6 @你好", "▁HE LLO @HELLO WORLD"], "kw");

        AssertKeyword(list[0], "文森特卡索", null, null);
        Assert.Equal(["w", "én", "s", "ēn", "t", "è", "k", "ǎ", "s", "uǒ"], list[0].Spelling!);
        AssertKeyword(list[1], "你好", 2f, 0.6f);
        Assert.Equal(["n", "ǐ", "h", "ǎo"], list[1].Spelling!);
        Assert.Equal("HELLO WORLD", list[2].Phrase);
        Assert.Equal(["▁HE", "LLO"], list[2].Spelling!);
    }

    [Theory]
    [InlineData("refund :zero", "boost 'zero' must be a number in (0, 100]")]
    [InlineData("refund :-1", "boost '-1'")]
    [InlineData("refund :101", "boost '101'")]
    [InlineData("refund #1.5", "threshold '1.5' must be a number in (0, 1]")]
    [InlineData("refund #0", "threshold '0'")]
    [InlineData("refund :1 :2", "boost given twice")]
    [InlineData("refund #0.1 #0.2", "threshold given twice")]
    [InlineData(":2 #0.5", "options but no keyword")]
    [InlineData("n ǐ h ǎo @", "nothing follows '@'")]
    [InlineData("@你好", "no tokens before '@'")]
    [InlineData("n ǐ @你 h ǎo @好", "'@' appears twice")]
    public void Bad_line_is_refused_with_source_line_and_problem(string line, string problem)
    {
        var error = Assert.Throws<KeywordException>(() => KeywordList.Parse(["ok", line], "list.txt"));

        Assert.Contains("list.txt:2", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Overlong_keyword_is_refused()
    {
        var error = Assert.Throws<KeywordException>(() => KeywordList.Parse([new string('录', 101)], "s"));

        Assert.Contains("at most 100", error.Message);
    }

    [Fact]
    public void Overlong_spelling_is_refused()
    {
        var error = Assert.Throws<KeywordException>(() => KeywordList.Parse([string.Join(' ', Enumerable.Repeat("a", 201)) + " @啊"], "s"));

        Assert.Contains("201 tokens; at most 200", error.Message);
    }

    [Fact]
    public void More_keywords_than_the_limit_are_refused_at_the_first_extra_line()
    {
        var lines = Enumerable.Range(0, KeywordList.MaxKeywords + 1).Select(i => $"word{i}");

        var error = Assert.Throws<KeywordException>(() => KeywordList.Parse(lines, "big.txt"));

        Assert.Contains($"big.txt:{KeywordList.MaxKeywords + 1}", error.Message);
        Assert.Equal(KeywordList.MaxKeywords, KeywordList.Parse(lines.Take(KeywordList.MaxKeywords), "ok").Count);
    }

    [Fact]
    public void Missing_file_is_refused_by_name()
    {
        var error = Assert.Throws<KeywordException>(() => KeywordList.Load("/nonexistent/keywords.txt"));

        Assert.Contains("'/nonexistent/keywords.txt' does not exist", error.Message);
    }

    [Fact]
    public void Session_list_adds_to_the_global_one_and_overrides_its_settings()
    {
        var merged = KeywordList.Merge([new Keyword("退款", 1f), new Keyword("投诉")], [new Keyword("退款", 3f, 0.2f), new Keyword("录音")]);

        Assert.Equal([new Keyword("退款", 3f, 0.2f), new Keyword("投诉"), new Keyword("录音")], merged);
    }

    private static void AssertKeyword(Keyword keyword, string phrase, float? boost, float? threshold)
    {
        Assert.Equal(phrase, keyword.Phrase);
        Assert.Equal(boost, keyword.Boost);
        Assert.Equal(threshold, keyword.Threshold);
    }
}
