namespace Streaming.Text.Tests;

/// <summary>Words and idioms containing numerals must come out as spoken.</summary>
public sealed class OverConversionTests
{
    private readonly ChineseInverseTextNormalizer _chinese = new();
    private readonly EnglishInverseTextNormalizer _english = new();

    [Theory]
    [InlineData("我们一起去吧")]
    [InlineData("他们长得一样")]
    [InlineData("结果四舍五入到整数")]
    [InlineData("他一心一意地工作")]
    [InlineData("这件事做得十全十美")]
    [InlineData("万一他不来怎么办")]
    [InlineData("十三五规划期间")]
    [InlineData("获得了十几万的投资")]
    [InlineData("我们一共有多少人")]
    public void Chinese_idioms_stay(string spoken) => Assert.Equal(spoken, _chinese.Normalize(spoken).Text);

    [Theory]
    [InlineData("one of the best")]
    [InlineData("a couple of days")]
    [InlineData("wait a second")]
    [InlineData("one dollars")]
    [InlineData("from one to two")]
    public void English_phrases_stay(string spoken) => Assert.Equal(spoken, _english.Normalize(spoken).Text);

    [Theory]
    [InlineData("我们一起买了三本书", "我们一起买了3本书")]
    [InlineData("一样的价格是二十五元", "一样的价格是25元")]
    public void Numbers_next_to_idioms_still_convert(string spoken, string written) =>
        Assert.Equal(written, _chinese.Normalize(spoken).Text);

    [Fact]
    public void English_numbers_around_a_protected_phrase_still_convert() =>
        Assert.Equal("one of the 25 players", _english.Normalize("one of the twenty five players").Text);
}
