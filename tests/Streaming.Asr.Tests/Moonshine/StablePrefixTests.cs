using Streaming.Asr.Moonshine;
namespace Streaming.Asr.Tests.Moonshine;

public sealed class StablePrefixTests
{
    private static List<ScoredToken> Tokens(params int[] ids) => [.. ids.Select(id => new ScoredToken(id, 0.9f))];

    [Fact]
    public void CommitsTheAgreedPrefixExceptTheLastToken()
    {
        var prefix = new StablePrefix();
        prefix.Update(Tokens(5, 6, 7));
        Assert.Empty(prefix.Committed);
        prefix.Update(Tokens(5, 6, 7, 8));
        Assert.Equal([5, 6], prefix.Committed.Select(t => t.Id));
        prefix.Update(Tokens(5, 6, 9, 10, 11));
        Assert.Equal([5, 6], prefix.Committed.Select(t => t.Id));
        prefix.Update(Tokens(5, 6, 9, 10, 12));
        Assert.Equal([5, 6, 9, 10], prefix.Committed.Select(t => t.Id));
        prefix.Clear();
        Assert.Empty(prefix.Committed);
    }
}
