using Streaming.Asr.Hotwords;
using Streaming.Asr.Text;
using Streaming.Asr.Text.Pinyin;
using Streaming.Testing;

namespace Streaming.Asr.Tests.Text.Pinyin;

/// <summary>Needs Debian's unicode-data (Unihan readings) and libpinyin (scripts/setup-runtime.sh).</summary>
public sealed class PinyinHotwordSpellerTests : IDisposable
{
    private static readonly TokenTable Tokens = TokenTable.Load(TestPaths.InRepo("models", "zipformer-wenetspeech-zh", "tokens.txt"));
    private readonly PinyinHotwordSpeller _speller = new(new PinyinSpeller(UnihanReadings.Shared, Tokens.Pieces().Select(p => p.Key)), Tokens);
    private readonly PinyinTextAssembler _assembler = new();

    public void Dispose() => _assembler.Dispose();

    private static string Symbols(int[] ids) => string.Join(' ', ids.Select(id => Tokens[id]));

    [Fact]
    public void A_phrase_is_spelt_in_token_ids_once_per_reading_of_its_polyphones()
    {
        var spellings = _speller.Spell("年化收益率").Select(Symbols).ToList();

        // 率 is lǜ in 收益率 and shuài in 率领: both are paths, the customary reading first.
        Assert.Equal("n ián h uà sh ōu y ì l ǜ", spellings[0]);
        Assert.Contains("n ián h uà sh ōu y ì sh uài", spellings);
    }

    [Theory]
    [InlineData("年化收益率", "j īn n ián d e n ián h uà sh ōu y ì l ǜ", "今年的年化收益率")]
    [InlineData("文森特卡索", "w én s ēn t è k ǎ s uǒ sh ì f ǎ g uó y ǎn y uán", "文森特卡索是法国演员")]
    public void The_phrase_book_writes_the_hotword_where_its_spelling_is_heard(string hotword, string heard, string expected)
    {
        using var assembler = _assembler.WithPhrases(_speller.PhraseBook([new Hotword(hotword)]));

        Assert.DoesNotContain(hotword, _assembler.Convert(heard.Split(' ')));
        Assert.Equal(expected, assembler.Convert(heard.Split(' ')));
    }

    [Fact]
    public void A_hotword_that_cannot_be_spelt_is_refused_as_a_hotword_naming_the_character()
    {
        var error = Assert.Throws<HotwordException>(() => _speller.Spell("5号线"));

        Assert.StartsWith("Hotword '5号线'", error.Message);
        Assert.Contains("'5'", error.Message);
    }
}
