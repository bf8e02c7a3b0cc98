namespace Streaming.Text.Tests;

/// <summary>
/// The sentences of TestData/zh_no_conversion.txt hold numerals that belong to words and idioms
/// (一起, 一五一十, 万一, 四舍五入 …); neither Chinese style may rewrite them.
/// </summary>
public sealed class NoOverConversionListTests
{
    private static readonly ChineseInverseTextNormalizer Chinese = new();

    /// <summary>Each sentence of the list with each style.</summary>
    public static TheoryData<string, ItnStyle> Sentences()
    {
        var data = new TheoryData<string, ItnStyle>();
        foreach (var line in ReadList())
        {
            data.Add(line, ItnStyle.Caption);
            data.Add(line, ItnStyle.WeText);
        }

        return data;
    }

    [Fact]
    public void The_list_has_at_least_fifty_sentences() => Assert.True(ReadList().Count() >= 50);

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Sentence_stays_as_spoken(string sentence, ItnStyle style) =>
        Assert.Equal(sentence, Chinese.Normalize(sentence, new ItnOptions { Style = style }).Text);

    private static IEnumerable<string> ReadList() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "zh_no_conversion.txt"))
            .Where(l => l.Length > 0 && l[0] != '#');
}
