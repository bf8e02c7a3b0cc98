using Streaming.Asr.Hotwords;

namespace Streaming.Asr.Tests.Hotwords;

public sealed class HotwordListTests
{
    [Fact]
    public void Lines_give_phrases_with_optional_boosts_and_skip_comments()
    {
        var list = HotwordList.Parse(["# finance", "ETF基金 :3", "", "  Governor   Phillip  ", "年化收益率 :1.5"], "test");

        Assert.Equal([new Hotword("ETF基金", 3f), new Hotword("Governor Phillip"), new Hotword("年化收益率", 1.5f)], list);
    }

    [Theory]
    [InlineData("ETF :zero", "boost 'zero'")]
    [InlineData("ETF :-1", "boost '-1'")]
    [InlineData(" :2", "no phrase")]
    public void Bad_line_is_refused_with_source_line_and_problem(string line, string problem)
    {
        var error = Assert.Throws<HotwordException>(() => HotwordList.Parse(["ok", line], "list.txt"));

        Assert.Contains("list.txt:2", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Overlong_phrase_is_refused()
    {
        var error = Assert.Throws<HotwordException>(() => HotwordList.Parse([new string('a', 101)], "s"));

        Assert.Contains("at most 100", error.Message);
    }

    [Fact]
    public void Session_list_adds_to_the_global_one_and_overrides_its_boosts()
    {
        var merged = HotwordList.Merge([new Hotword("ETF", 1f), new Hotword("Chaka")], [new Hotword("ETF", 4f), new Hotword("Benita")]);

        Assert.Equal([new Hotword("ETF", 4f), new Hotword("Chaka"), new Hotword("Benita")], merged);
    }
}
