namespace Streaming.Text.Tests;

/// <summary>The caption style of Chinese ITN: the examples of issue 17 and how the style is chosen.</summary>
public sealed class CaptionStyleTests
{
    private readonly ChineseInverseTextNormalizer _chinese = new();

    [Theory]
    [InlineData("二零二五年三月五日", "2025年3月5日")]
    [InlineData("会议定在二零二六年一月十二日上午十点半", "会议定在2026年1月12日上午10:30")]
    [InlineData("五点一刻", "5:15")]
    [InlineData("三百五十元", "350元")]
    [InlineData("五千美元", "5000美元")]
    [InlineData("兩千三百萬", "2300萬")]
    [InlineData("三點一四", "3.14")]
    [InlineData("一千億零九十萬零五百", "100000900500")]
    [InlineData("幺三八零零一三八零零零", "13800138000")]
    [InlineData("幺零零八六", "10086")]
    [InlineData("一点五亿元", "1.5亿元")]
    [InlineData("两千五百块钱", "2500块钱")]
    [InlineData("一九九八年五月", "1998年5月")]
    [InlineData("下午三点十五分", "下午3:15")]
    public void Issue_examples_are_written_in_caption_style(string spoken, string written) =>
        Assert.Equal(written, _chinese.Normalize(spoken).Text);

    [Fact]
    public void Caption_is_the_default_style()
    {
        Assert.Equal(ItnStyle.Caption, new ItnOptions().Style);
        Assert.Equal(ItnStyle.Caption, _chinese.DefaultOptions.Style);
        Assert.Equal(ItnStyle.Caption, InverseTextNormalizer.For("auto").DefaultOptions.Style);
    }

    [Fact]
    public void WeText_style_keeps_the_WeText_conventions()
    {
        var wetext = new ItnOptions { Style = ItnStyle.WeText };
        Assert.Equal("2025/03/05", _chinese.Normalize("二零二五年三月五日", wetext).Text);
        Assert.Equal("会议定在2026/01/12 10:30a.m.", _chinese.Normalize("会议定在二零二六年一月十二日上午十点半", wetext).Text);
        Assert.Equal("¥350", _chinese.Normalize("三百五十元", wetext).Text);
    }

    [Fact]
    public void Mixed_text_carries_the_style_to_the_Chinese_runs()
    {
        var mixed = InverseTextNormalizer.For("auto");
        Assert.Equal("the price is 350元", mixed.Normalize("the price is 三百五十元").Text);
        Assert.Equal("the price is ¥350", mixed.Normalize("the price is 三百五十元", new ItnOptions { Style = ItnStyle.WeText }).Text);
    }

    [Theory]
    [InlineData("caption", ItnStyle.Caption)]
    [InlineData(" WeText ", ItnStyle.WeText)]
    public void Style_names_parse(string name, ItnStyle style)
    {
        Assert.Equal(style, ItnStyles.Parse(name));
        Assert.Equal(style, ItnStyles.Parse(style.Name()));
    }

    [Fact]
    public void An_unknown_style_is_refused_with_the_known_names()
    {
        var error = Assert.Throws<ArgumentException>(() => ItnStyles.Parse("print"));
        Assert.Contains("'print'", error.Message, StringComparison.Ordinal);
        Assert.Contains("caption or wetext", error.Message, StringComparison.Ordinal);
    }
}
