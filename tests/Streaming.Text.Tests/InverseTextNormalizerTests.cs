namespace Streaming.Text.Tests;

/// <summary>The factory and sharing of normalisers.</summary>
public sealed class InverseTextNormalizerTests
{
    [Theory]
    [InlineData("zh", typeof(ChineseInverseTextNormalizer))]
    [InlineData("EN", typeof(EnglishInverseTextNormalizer))]
    [InlineData("auto", typeof(MixedInverseTextNormalizer))]
    [InlineData("mixed", typeof(MixedInverseTextNormalizer))]
    public void For_returns_the_language_normaliser(string language, Type expected) =>
        Assert.IsType(expected, InverseTextNormalizer.For(language));

    [Fact]
    public void For_rejects_an_unknown_language()
    {
        var error = Assert.Throws<ArgumentException>(() => InverseTextNormalizer.For("fr"));
        Assert.Contains("'fr'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_instance_gives_the_same_answers_from_many_threads()
    {
        var normalizer = InverseTextNormalizer.For("zh");
        string[] inputs = ["二零零八年八月八日", "百分之三十五", "幺三八零零一三八零零零", "一千克"];
        var expected = inputs.Select(i => normalizer.Normalize(i).Text).ToArray();

        Parallel.For(0, 400, k =>
        {
            var index = k % inputs.Length;
            Assert.Equal(expected[index], normalizer.Normalize(inputs[index]).Text);
        });
    }
}
