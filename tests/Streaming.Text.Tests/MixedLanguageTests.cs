namespace Streaming.Text.Tests;

/// <summary>Chinese with English words in it and the other way round.</summary>
public sealed class MixedLanguageTests
{
    private readonly IInverseTextNormalizer _mixed = InverseTextNormalizer.For("auto");

    [Theory]
    [InlineData("他说twenty five dollars太贵了", "他说$25太贵了")]
    [InlineData("我用iPhone打了二十分钟电话", "我用iPhone打了20min电话")]
    [InlineData("这个API返回百分之三十五的错误", "这个API返回35%的错误")]
    [InlineData("I paid 三百元 for twenty five books", "I paid 300元 for 25 books")]
    [InlineData("车牌是京A零七ZX三F", "车牌是京A07ZX3F")]
    [InlineData("meet me at three thirty p m 在北京", "meet me at 03:30 p.m. 在北京")]
    public void Each_language_is_normalised_in_place(string spoken, string written) =>
        Assert.Equal(written, _mixed.Normalize(spoken).Text);

    [Fact]
    public void Chinese_normaliser_copies_english_words_unchanged() =>
        Assert.Equal("下载了three个app", new ChineseInverseTextNormalizer().Normalize("下载了three个app").Text);

    [Fact]
    public void Mixed_spans_point_into_the_whole_input()
    {
        const string spoken = "他说twenty five dollars";
        var result = _mixed.Normalize(spoken);
        var money = Assert.Single(result.Spans, s => s.Class == ItnClass.Money);
        Assert.Equal("twenty five dollars", spoken.Substring(money.SourceStart, money.SourceLength));
        Assert.Equal("$25", result.Text.Substring(money.WrittenStart, money.WrittenLength));
    }
}
