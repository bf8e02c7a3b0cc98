namespace Streaming.Text.Tests;

/// <summary>One or two examples per class, beyond the WeText files.</summary>
public sealed class ClassExampleTests
{
    private readonly ChineseInverseTextNormalizer _chinese = new();
    private readonly EnglishInverseTextNormalizer _english = new();

    [Theory]
    [InlineData("二零二五年", "2025年")]
    [InlineData("百分之三十五", "35%")]
    [InlineData("幺三八零零一三八零零零", "13800138000")]
    [InlineData("服务器是幺九二点幺六八点零点幺", "服务器是192.168.0.1")]
    [InlineData("气温零下五度", "气温-5°")]
    [InlineData("来了五六个人", "来了5~6个人")]
    [InlineData("他是第三名", "他是第3名")]
    [InlineData("坐动三四五六去上海", "坐D3456去上海")]
    [InlineData("车牌号粤B一二三四五", "车牌号粤B12345")]
    [InlineData("三加四等于七", "3+4=7")]
    [InlineData("晚上十点二十分", "晚上10:20")]
    [InlineData("一共花了三千三百八十元五角八分", "一共花了3380元5角8分")]
    public void Chinese_examples(string spoken, string written) => Assert.Equal(written, _chinese.Normalize(spoken).Text);

    [Theory]
    [InlineData("twenty five dollars", "$25")]
    [InlineData("it is twenty first century", "it is 21st century")]
    [InlineData("call one two three four five six seven eight nine zero", "call 123-456-7890")]
    [InlineData("write to john at example dot com", "write to john@example.com")]
    [InlineData("about three point five kilometers", "about 3.5 km")]
    [InlineData("ninety nine percent", "99 %")]
    [InlineData("the meeting is at quarter past three p m", "the meeting is at 03:15 p.m.")]
    [InlineData("on january first twenty twenty five", "on january 1 2025")]
    public void English_examples(string spoken, string written) => Assert.Equal(written, _english.Normalize(spoken).Text);
}
