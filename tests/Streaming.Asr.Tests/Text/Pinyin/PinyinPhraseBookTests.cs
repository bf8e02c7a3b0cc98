using Streaming.Asr.Text.Pinyin;

namespace Streaming.Asr.Tests.Text.Pinyin;

public sealed class PinyinPhraseBookTests
{
    private static PinyinPhraseBook Book(params (string Phrase, string[] Spellings)[] phrases) =>
        new(phrases.Select(p => (p.Phrase, p.Spellings.Select(s => (IReadOnlyList<string>)s.Split(' ')))));

    private static List<PinyinPiece> Heard(string tokens) => PinyinSyllableAssembler.Assemble(tokens.Split(' '));

    [Fact]
    public void Syllables_spelling_a_phrase_match_it_with_its_length()
    {
        var book = Book(("朱丽楠", ["zh ū l ì n án"]));

        Assert.True(book.TryMatch(Heard("z ài zh ū l ì n án"), 1, out var phrase, out int length));
        Assert.Equal(("朱丽楠", 3), (phrase, length));
        Assert.False(book.TryMatch(Heard("z ài zh ū l ì n án"), 0, out _, out _));
    }

    [Fact]
    public void A_homophone_heard_with_other_tones_is_not_the_phrase()
    {
        var book = Book(("朱丽楠", ["zh ū l ì n án"]));

        // zhǔ lì (主力) is not zhū lì.
        Assert.False(book.TryMatch(Heard("zh ǔ l ì n án"), 0, out _, out _));
    }

    [Fact]
    public void A_neutral_tone_on_either_side_agrees_with_any_tone()
    {
        var book = Book(("东西", ["d ōng x i"]));

        Assert.True(book.TryMatch(Heard("d ōng x ī"), 0, out _, out _));
        Assert.True(book.TryMatch(Heard("d ōng x i"), 0, out _, out _));
    }

    [Fact]
    public void Every_reading_of_a_polyphone_matches_and_the_longest_phrase_wins()
    {
        var book = Book(("收益率", ["sh ōu y ì l ǜ", "sh ōu y ì sh uài"]), ("年化收益率", ["n ián h uà sh ōu y ì l ǜ"]));

        Assert.True(book.TryMatch(Heard("sh ōu y ì sh uài"), 0, out var phrase, out _));
        Assert.Equal("收益率", phrase);
        Assert.True(book.TryMatch(Heard("n ián h uà sh ōu y ì l ǜ"), 0, out phrase, out int length));
        Assert.Equal(("年化收益率", 5), (phrase, length));
    }

    [Fact]
    public void Syllables_cut_short_do_not_match()
    {
        var book = Book(("文森特卡索", ["w én s ēn t è k ǎ s uǒ"]));

        Assert.False(book.TryMatch(Heard("w én s ēn t è k ǎ"), 0, out _, out _));
        Assert.Equal(0, PinyinPhraseBook.Empty.Count);
    }
}
