using Streaming.Text.Hotwords;

namespace Streaming.Text.Tests;

public sealed class HotwordRescorerTests
{
    private readonly HotwordRescorer _rescorer = new();

    [Fact]
    public void Acronym_heard_with_a_rhyming_letter_is_corrected_to_the_hotword()
    {
        var result = _rescorer.Rescore("我买了TTF基金", ["ETF基金"]);

        Assert.Equal("我买了ETF基金", result.Text);
        Assert.Equal(["ETF基金"], result.Hits);
        var correction = Assert.Single(result.Applied);
        Assert.Equal("TTF基金", correction.Original);
        Assert.InRange(correction.Similarity, 0.8, 0.99);
    }

    [Fact]
    public void Chinese_homophone_is_corrected_by_pinyin()
    {
        var result = _rescorer.Rescore("这个产品的年花收益率是百分之三", ["年化收益率"]);

        Assert.Equal("这个产品的年化收益率是百分之三", result.Text);
        Assert.Equal("年花收益率", Assert.Single(result.Applied).Original);
        Assert.Equal(["年化收益率"], result.Hits);
    }

    [Fact]
    public void Without_hotwords_nothing_changes()
    {
        var result = _rescorer.Rescore("我买了TTF基金，年花收益率很高", []);

        Assert.Equal("我买了TTF基金，年花收益率很高", result.Text);
        Assert.Empty(result.Hits);
        Assert.Empty(result.Applied);
    }

    [Theory]
    [InlineData("这只基金的收益很高")]
    [InlineData("年底收益率下降了")]
    [InlineData("I bought an index fund today")]
    [InlineData("the tariff fund is closed")]
    public void Unrelated_words_are_left_alone(string text)
    {
        var result = _rescorer.Rescore(text, ["ETF基金", "年化收益率", "ETF"]);

        Assert.Equal(text, result.Text);
        Assert.Empty(result.Applied);
    }

    [Fact]
    public void A_hotword_already_present_is_a_hit_without_a_correction()
    {
        var result = _rescorer.Rescore("ETF基金的年化收益率", ["年化收益率", "ETF基金", "国债"]);

        Assert.Equal("ETF基金的年化收益率", result.Text);
        Assert.Empty(result.Applied);
        Assert.Equal(["年化收益率", "ETF基金"], result.Hits);
    }

    [Fact]
    public void English_name_heard_with_another_spelling_of_its_sound_is_corrected()
    {
        var result = _rescorer.Rescore("But there before it stood shaka.", ["Chaka"]);

        Assert.Equal("But there before it stood Chaka.", result.Text);
    }

    [Fact]
    public void A_stricter_threshold_keeps_weaker_near_misses()
    {
        var strict = new HotwordRescorer(new HotwordRescoreOptions { Threshold = 0.97 });

        var result = strict.Rescore("我买了TTF基金", ["ETF基金"]);

        Assert.Equal("我买了TTF基金", result.Text);
        Assert.Empty(result.Hits);
    }

    [Fact]
    public void Out_of_range_threshold_is_refused_with_the_setting_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new HotwordRescorer(new HotwordRescoreOptions { Threshold = 1.5 }));

        Assert.Contains("Threshold", error.Message);
    }
}
