using Streaming.Asr.Moonshine;
using Streaming.Asr.Text;
using Streaming.Testing;
namespace Streaming.Asr.Tests.Text;

public sealed class SentencePieceVocabularyTests
{
    private static readonly SentencePieceVocabulary Vocabulary = SentencePieceVocabulary.FromPieces(
        ["<unk>", "<s>", "</s>", "<0x0A>", "▁Hello", "▁world", "<0xC3>", "<0xA9>", "!"]);

    [Fact]
    public void SpaceMarkerBecomesSpaceAndControlPiecesAreDropped()
    {
        Assert.Equal("Hello world!", Vocabulary.Decode([1, 4, 5, 8, 2]));
        Assert.True(Vocabulary.IsSilent(0));
        Assert.True(Vocabulary.IsSilent(99));
        Assert.True(Vocabulary.IsSilent(-1));
        Assert.False(Vocabulary.IsSilent(4));
    }

    [Fact]
    public void ByteFallbackPiecesDecodeAsUtf8()
    {
        Assert.Equal("Hello\n world", Vocabulary.Decode([4, 3, 5]));
        var spans = Vocabulary.Split([4, 6, 7, 5]);
        Assert.Equal([" Hello", "é", " world"], spans.Select(s => s.Text));
        Assert.Equal(new TokenSpan("é", 1, 2), spans[1]);
    }

    [Fact]
    public void LoadsMoonshineVocabularyWithIdsAsLineNumbers()
    {
        var vocabulary = SentencePieceVocabulary.Load(Path.Combine(Path.Combine(TestPaths.Models, "moonshine-tiny-en"), MoonshineModel.VocabularyFile));
        Assert.Equal(32000, vocabulary.Count);
        Assert.True(vocabulary.IsSilent(MoonshineModel.BosId));
        Assert.True(vocabulary.IsSilent(MoonshineModel.EosId));
        Assert.Equal("\n", vocabulary.Split([3 + 0x0A])[0].Text);
    }
}
