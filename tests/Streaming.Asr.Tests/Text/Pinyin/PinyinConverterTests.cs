using Streaming.Asr.Text;
using Streaming.Asr.Text.Pinyin;
using Streaming.Testing;

namespace Streaming.Asr.Tests.Text.Pinyin;

/// <summary>Needs Debian's libpinyin15 and libpinyin-data (scripts/setup-runtime.sh).</summary>
public sealed class PinyinConverterTests : IDisposable
{
    private readonly PinyinTextAssembler _assembler = new();

    public void Dispose() => _assembler.Dispose();

    private string Convert(string tokens, bool toneGuided = true) => _assembler.Convert(tokens.Split(' '), toneGuided);

    [Theory]
    [InlineData("w ǒ m en", "我们")]
    [InlineData("zh ōng g uó", "中国")]
    [InlineData("n ǐ h ǎo", "你好")]
    [InlineData("b ěi j īng sh ì", "北京市")]
    public void Tokens_of_a_common_phrase_give_its_characters(string tokens, string expected) =>
        Assert.Equal(expected, Convert(tokens));

    [Fact]
    public void Spelled_letters_pass_through_between_converted_runs()
    {
        Assert.Equal("我们A中国", Convert("w ǒ m en A zh ōng g uó"));
    }

    [Fact]
    public void Heard_tones_pick_the_homophone_libpinyin_alone_misses()
    {
        // shí jì chéng jiāo (实际成交): libpinyin's toneless dictionaries prefer 世纪 (shì jì).
        const string tokens = "zh ōng y uán d ì ch ǎn j í t uán sh í j ì ch éng j iāo";
        Assert.Contains("世纪", Convert(tokens, toneGuided: false));
        Assert.Contains("实际", Convert(tokens));
    }

    [Theory]
    [InlineData("w én s ēn t è k ǎ s uǒ sh ì q uán q iú zh ī m íng d e f ǎ g uó x ìng g é p ài y ǎn y uán", "文森特卡索", "w én s ēn t è k ǎ s uǒ", "文森特卡索是全球知名的法国")]
    [InlineData("zh ū l ì n án z ài sh àng sh ì j iàn m iàn h uì sh àng b iǎo sh ì", "朱丽楠", "zh ū l ì n án", "朱丽楠在上市见面会上表示")]
    [InlineData("j īn n ián d e n ián h uà sh ōu y ì l ǜ", "年化收益率", "n ián h uà sh ōu y ì l ǜ", "年化收益率")]
    public void Phrases_given_to_the_converter_come_out_as_written(string tokens, string phrase, string spelling, string expected)
    {
        using var withPhrases = _assembler.WithPhrases(new PinyinPhraseBook([(phrase, [spelling.Split(' ')])]));

        Assert.DoesNotContain(phrase, Convert(tokens));
        Assert.Contains(expected, withPhrases.Convert(tokens.Split(' ')));
        Assert.Contains(expected, withPhrases.Convert(tokens.Split(' '), toneGuided: false));
    }

    [Fact]
    public void A_stream_assembler_leaves_the_shared_converters_to_its_model_when_disposed()
    {
        var withPhrases = _assembler.WithPhrases(new PinyinPhraseBook([("朱丽楠", [["zh", "ū", "l", "ì", "n", "án"]])]));
        withPhrases.Dispose();

        Assert.Equal("我们", Convert("w ǒ m en"));
    }

    [Fact]
    public async Task Concurrent_conversions_each_get_their_own_libpinyin_instance()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 20).Select(_ => Convert("w ǒ m en zh ōng g uó")).Distinct().ToList())));
        Assert.All(results, r => Assert.Equal(["我们中国"], r));
    }

    [Fact]
    public void A_folder_without_libpinyin_dictionaries_is_a_clear_error_naming_the_package()
    {
        var empty = Directory.CreateTempSubdirectory("no-libpinyin-data-");
        try
        {
            var error = Assert.Throws<LibPinyinUnavailableException>(() => PinyinConverter.Create(new PinyinConverterOptions { DataDirectory = empty.FullName }));
            Assert.Contains("libpinyin-data", error.Message);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void The_bundled_mandarin_model_has_a_pinyin_vocabulary_and_a_sentencepiece_one_has_not()
    {
        Assert.True(PinyinTextAssembler.IsPinyinVocabulary(TokenTable.Load(TestPaths.InRepo("models", "zipformer-wenetspeech-zh", "tokens.txt"))));
        Assert.False(PinyinTextAssembler.IsPinyinVocabulary(TokenTable.Parse(["<blk> 0", "▁THE 1", "▁A 2", "S 3", "你 4", "好 5"], "test")));
    }
}
