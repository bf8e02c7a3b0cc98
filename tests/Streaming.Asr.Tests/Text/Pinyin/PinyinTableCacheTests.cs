using Streaming.Asr.Text.Pinyin;

namespace Streaming.Asr.Tests.Text.Pinyin;

/// <summary>
/// The native table cache (native/pinyin-cache, built with Streaming.Asr). Needs Debian's libpinyin15, libpinyin-data
/// and, to build the library, libdb5.3-dev (scripts/setup-runtime.sh). In one collection without parallel tests:
/// the cache limit is process-wide, read when a libpinyin context opens its tables.
/// </summary>
[Collection(nameof(PinyinTableCacheTests))]
[CollectionDefinition(nameof(PinyinTableCacheTests), DisableParallelization = true)]
public sealed class PinyinTableCacheTests
{
    // Sentences whose conversion reads many bigrams (zh-eval transcripts, spelt in the model's tokens).
    private static readonly string[] Sentences =
    [
        "zh ōng y uán d ì ch ǎn j í t uán sh í j ì ch éng j iāo",
        "w én s ēn t è k ǎ s uǒ sh ì q uán q iú zh ī m íng d e f ǎ g uó x ìng g é p ài y ǎn y uán",
        "b ěi j īng sh ì j īn t iān d e t iān q ì h ěn h ǎo",
        "w ǒ m en y ào j iā k uài f ā zh ǎn j īng j ì",
    ];

    [Fact]
    public void A_converter_opens_libpinyins_read_only_tables_with_the_larger_cache()
    {
        long before = PinyinTableCache.CachedTables;
        using var assembler = new PinyinTextAssembler();

        Assert.True(PinyinTableCache.Installed, $"{nameof(PinyinTableCache)} did not load next to Streaming.Asr.dll");
        // bigram.db, the pinyin and phrase indexes and their add-ons: several tables per context.
        Assert.True(PinyinTableCache.CachedTables - before >= 3, $"{PinyinTableCache.CachedTables - before} tables cached");
    }

    [Fact]
    public void Conversion_writes_the_same_text_with_the_default_cache_and_with_the_larger_one()
    {
        long before = PinyinTableCache.CachedTables;
        using var plain = new PinyinTextAssembler(new PinyinConverterOptions { TableCacheMiB = 0 });
        Assert.Equal(before, PinyinTableCache.CachedTables);
        using var cached = new PinyinTextAssembler();
        Assert.True(PinyinTableCache.CachedTables > before);

        foreach (var sentence in Sentences)
        {
            var tokens = sentence.Split(' ');
            Assert.Equal(plain.Convert(tokens), cached.Convert(tokens));
            Assert.Equal(plain.Convert(tokens, toneGuided: false), cached.Convert(tokens, toneGuided: false));
        }
    }
}
