using Streaming.Asr.Text.Pinyin;

namespace Streaming.Asr.Tests.Text.Pinyin;

/// <summary>Needs Debian's libpinyin15 and libpinyin-data (scripts/setup-runtime.sh).</summary>
public sealed class PinyinConverterPoolTests
{
    private static readonly PinyinPiece[] Pieces = [.. PinyinSyllableAssembler.Assemble("w ǒ m en zh ōng g uó".Split(' '))];

    [Fact]
    public async Task Concurrent_conversions_beyond_the_bound_wait_for_a_converter_instead_of_creating_one()
    {
        using var pool = new PinyinConverterPool(new PinyinConverterOptions { MaxConverters = 2 });

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 10).Select(_ => pool.Convert(Pieces)).Distinct().ToList())));

        Assert.All(results, r => Assert.Equal(["我们中国"], r));
        Assert.InRange(pool.Count, 1, 2);
    }

    [Fact]
    public void A_bound_below_one_converter_is_refused_naming_the_option()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PinyinConverterPool(new PinyinConverterOptions { MaxConverters = 0 }));
        Assert.Contains(nameof(PinyinConverterOptions.MaxConverters), error.Message);
    }
}
