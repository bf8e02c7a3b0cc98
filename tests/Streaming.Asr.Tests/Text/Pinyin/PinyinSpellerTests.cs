using Streaming.Asr.Keywords;
using Streaming.Asr.Text;
using Streaming.Asr.Text.Pinyin;
using Streaming.Testing;

namespace Streaming.Asr.Tests.Text.Pinyin;

public sealed class PinyinSpellerTests
{
    private static readonly Lazy<PinyinSpeller> Bundled = new(() => new PinyinSpeller(
        UnihanReadings.Shared,
        TokenTable.Load(TestPaths.InRepo("models", "zipformer-wenetspeech-zh", "tokens.txt")).Pieces().Select(p => p.Key)));

    [Fact]
    public void Test_keywords_are_spelt_first_exactly_as_the_models_keyword_file_spells_them()
    {
        string file = TestPaths.InRepo("models", "zipformer-wenetspeech-zh", "test_wavs", "test_keywords.txt");
        var keywords = KeywordList.Load(file);
        Assert.Equal(8, keywords.Count);

        foreach (var keyword in keywords)
        {
            var spellings = Bundled.Value.Spell(keyword.Phrase);

            Assert.Equal(keyword.Spelling!, spellings[0]);
        }
    }

    [Fact]
    public void Polyphones_give_every_modern_reading_customary_first()
    {
        var spellings = Bundled.Value.Spell("银行").Select(s => string.Join(' ', s)).ToList();

        Assert.Equal("y ín x íng", spellings[0]);
        Assert.Contains("y ín h áng", spellings);
        Assert.Equal(spellings.Count, spellings.Distinct().Count());
    }

    [Fact]
    public void Spellings_are_capped_with_the_least_unusual_readings_kept()
    {
        var speller = new PinyinSpeller(UnihanReadings.Shared, Tokens(), maxSpellings: 3);

        var spellings = speller.Spell("行长行长行长");

        Assert.Equal(3, spellings.Count);
        Assert.Equal(Bundled.Value.Spell("行长行长行长")[0], spellings[0]);
        // Each of the others differs from the customary spelling in exactly one character's reading.
        foreach (var other in spellings.Skip(1))
        {
            Assert.Equal(1, Syllables(other).Zip(Syllables(spellings[0])).Count(p => p.First != p.Second));
        }
    }

    [Fact]
    public void Latin_letters_use_the_capital_letter_tokens_and_punctuation_is_skipped()
    {
        var spelling = Bundled.Value.Spell("KTV，包厢")[0];

        Assert.Equal(["K", "T", "V", "b", "āo", "x", "iāng"], spelling);
    }

    [Theory]
    [InlineData("第3期", "'3'")]
    [InlineData("雪人☃", "'☃'")]
    public void Unspellable_character_is_refused_by_name(string phrase, string named)
    {
        var error = Assert.Throws<KeywordException>(() => Bundled.Value.Spell(phrase));

        Assert.Contains(named, error.Message);
        Assert.Contains(phrase, error.Message);
    }

    [Fact]
    public void Reading_the_model_cannot_write_is_refused_with_the_readings()
    {
        var readings = UnihanReadings.Parse(new StringReader("U+55EF\tkMandarin\tm̀\n"));
        var speller = new PinyinSpeller(readings, Tokens());

        var error = Assert.Throws<KeywordException>(() => speller.Spell("嗯"));

        Assert.Contains("'嗯' (U+55EF)", error.Message);
    }

    [Fact]
    public void Unihan_readings_put_the_customary_one_first_and_use_the_great_dictionary_only_as_a_fallback()
    {
        var readings = UnihanReadings.Parse(new StringReader(
            "# comment\nU+884C\tkHanyuPinyin\t20811.060:háng,xìng,xíng,hàng,héng\nU+884C\tkMandarin\txíng\n"
            + "U+884C\tkXHC1983\t0442.080:háng 0443.050:hàng 1290.030:xíng\nU+4E02\tkHanyuPinyin\t10006.050:kǎo,yú\n"));

        Assert.Equal(["xíng", "háng", "hàng"], readings.Of('行'));
        Assert.Equal(["kǎo", "yú"], readings.Of(0x4E02));
        Assert.Empty(readings.Of('a'));
    }

    private static IEnumerable<string> Tokens() =>
        TokenTable.Load(TestPaths.InRepo("models", "zipformer-wenetspeech-zh", "tokens.txt")).Pieces().Select(p => p.Key);

    // Pairs of (initial, final) for initials-first spellings like the ones above.
    private static IEnumerable<string> Syllables(string[] spelling)
    {
        for (int i = 0; i < spelling.Length; i++)
        {
            bool initial = PinyinSyllableAssembler.IsInitial(spelling[i]) && i + 1 < spelling.Length;
            yield return initial ? spelling[i] + spelling[++i] : spelling[i];
        }
    }
}
