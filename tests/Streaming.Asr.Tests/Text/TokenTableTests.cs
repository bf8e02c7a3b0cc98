using Streaming.Asr.Text;
namespace Streaming.Asr.Tests.Text;

public sealed class TokenTableTests
{
    private static readonly TokenTable Table = TokenTable.Parse(
    [
        "<blk> 0", "<sos/eos> 1", "▁HELLO 2", "你 3", "好 4", "▁WORLD 5", "<0xE4> 6", "<0xBD> 7", "<0xA0> 8", "LD 9", "▁WOR 10",
    ], "test");

    [Fact]
    public void FindsBlankAndCount()
    {
        Assert.Equal(0, Table.BlankId);
        Assert.Equal(11, Table.Count);
        Assert.Equal("▁HELLO", Table[2]);
    }

    [Fact]
    public void WordPiecesBecomeSpacedWords()
    {
        Assert.Equal("HELLO WORLD", Table.Decode([2, 10, 9]));
        Assert.Equal("HELLO", Table.Decode([0, 2, 1]));
    }

    [Fact]
    public void CjkIsJoinedButSpacedFromLatinWords()
    {
        Assert.Equal("你好 HELLO WORLD", Table.Decode([3, 4, 2, 5]));
        Assert.Equal("HELLO 你好", Table.Decode([2, 3, 4]));
        Assert.Equal("你好 LD", Table.Decode([3, 4, 9]));
    }

    [Fact]
    public void ByteFallbackRunsFormOneToken()
    {
        var spans = Table.Split([2, 6, 7, 8]);
        Assert.Equal(2, spans.Count);
        Assert.Equal(new TokenSpan(" 你", 1, 3), spans[1]);
        Assert.Equal("HELLO 你", Table.Decode([2, 6, 7, 8]));
    }

    [Fact]
    public void BlankIdDefaultsToZeroAndBadLinesAreRejected()
    {
        Assert.Equal(0, TokenTable.Parse(["a 0", "b 1"], "t").BlankId);
        Assert.Equal(1, TokenTable.Parse(["a 0", "<blk> 1"], "t").BlankId);
        var error = Assert.Throws<InvalidDataException>(() => TokenTable.Parse(["a 0", "broken"], "tokens.txt"));
        Assert.Contains("tokens.txt:2", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => TokenTable.Parse([], "t"));
    }
}
