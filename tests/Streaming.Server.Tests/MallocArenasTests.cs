using Streaming.Server.Hosting;

namespace Streaming.Server.Tests;

/// <summary>The glibc arena limit the server applies at start-up (<see cref="ServerOptions.MallocArenas"/>).</summary>
public sealed class MallocArenasTests
{
    [Fact]
    public void Glibc_takes_the_arena_limit_on_linux()
    {
        // The server's default (this project runs on Debian's glibc); asking again is harmless: it only bounds arenas created later.
        Assert.True(MallocArenas.Limit(new ServerOptions().EffectiveMallocArenas));
    }

    [Fact]
    public void A_negative_limit_is_refused() => Assert.Throws<ArgumentOutOfRangeException>(() => MallocArenas.Limit(-1));
}
