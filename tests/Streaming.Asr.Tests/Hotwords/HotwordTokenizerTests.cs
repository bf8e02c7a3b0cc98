using Streaming.Asr.Hotwords;
using Streaming.Asr.Moonshine;
using Streaming.Asr.Text;
using Streaming.Testing;

namespace Streaming.Asr.Tests.Hotwords;

public sealed class HotwordTokenizerTests
{
    private static HotwordTokenizer Tokenizer(params string[] pieces) =>
        new(pieces.Select((p, i) => new KeyValuePair<string, int>(p, i)));

    [Fact]
    public void Words_are_spelled_longest_piece_first_with_word_start_markers()
    {
        var tokenizer = Tokenizer("<unk>", "▁", "▁E", "▁ETF", "TF", "▁fund", "f", "u", "n", "d", "▁f");

        Assert.Equal([3, 5], tokenizer.Tokenize("ETF fund"));
    }

    [Fact]
    public void Cjk_characters_are_single_tokens_without_a_word_start()
    {
        var tokenizer = Tokenizer("<blk>", "▁ETF", "基", "金", "年", "化");

        Assert.Equal([1, 2, 3], tokenizer.Tokenize("ETF基金"));
        Assert.Equal([4, 5], tokenizer.Tokenize("年化"));
    }

    [Fact]
    public void Transducer_token_table_spells_mixed_chinese_and_english()
    {
        var table = TokenTable.Parse(["<blk> 0", "<sos/eos> 1", "▁E 2", "TF 3", "▁ETF 4", "基 5", "金 6"], "tokens.txt");
        var tokenizer = new HotwordTokenizer(table.Pieces());

        int[] ids = tokenizer.Tokenize("ETF基金");

        Assert.Equal([4, 5, 6], ids);
        Assert.Equal("ETF 基金", table.Decode(ids)); // the table's own spacing rule puts a space between scripts
    }

    [Fact]
    public void Characters_without_a_piece_fall_back_to_utf8_byte_pieces()
    {
        var tokenizer = Tokenizer("▁", "<0xC3>", "<0xA9>", "t");

        Assert.Equal([0, 1, 2, 3], tokenizer.Tokenize("ét"));
    }

    [Fact]
    public void Phrase_the_token_set_cannot_spell_is_refused_naming_the_character()
    {
        var tokenizer = Tokenizer("▁a", "b");

        var error = Assert.Throws<HotwordException>(() => tokenizer.Tokenize("ab 年"));

        Assert.Contains("'年'", error.Message);
        Assert.Contains("ab 年", error.Message);
    }

    [Fact]
    public void Moonshine_vocabulary_spells_a_name_that_decodes_back_to_it()
    {
        var vocabulary = SentencePieceVocabulary.Load(Path.Combine(TestPaths.Models, "moonshine-tiny-en", MoonshineModel.VocabularyFile));
        var tokenizer = new HotwordTokenizer(vocabulary.Pieces());

        int[] ids = tokenizer.Tokenize("Governor Phillip");

        Assert.Equal("Governor Phillip", vocabulary.Decode(ids));
        Assert.InRange(ids.Length, 2, 6);
    }
}
