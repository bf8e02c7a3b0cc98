using Streaming.Asr.Text;
using Streaming.Asr.Text.Pinyin;

namespace Streaming.Asr.Tests.Text.Pinyin;

/// <summary>Needs Debian's libpinyin15 and libpinyin-data (scripts/setup-runtime.sh).</summary>
public sealed class PinyinStreamTextTests : IDisposable
{
    // zhōng yuán dì chǎn jí tuán shí jì chéng jiāo: a hypothesis as it grows, two tokens (one syllable) per chunk.
    private static readonly string[] Tokens = "zh ōng y uán d ì ch ǎn j í t uán sh í j ì ch éng j iāo".Split(' ');

    private readonly PinyinTextAssembler _assembler = new();
    private readonly List<string[]> _conversions = [];

    public void Dispose() => _assembler.Dispose();

    [Fact]
    public void A_partial_of_an_unchanged_hypothesis_converts_nothing_again()
    {
        var text = new PinyinStreamText(Counted);
        var spans = Spans(Tokens.Length);

        // A partial may commit what the one before showed; once one commits nothing, the state is settled.
        int stable = -1, previous;
        var shown = string.Empty;
        var calls = 0;
        do
        {
            previous = stable;
            shown = text.Assemble(spans, stableSpans: spans.Length, final: false, out stable);
            calls++;
        }
        while (stable != previous && calls < 10);

        Assert.Equal(previous, stable);
        _conversions.Clear();

        var again = text.Assemble(spans, stableSpans: spans.Length, final: false, out var againStable);

        Assert.Empty(_conversions);
        Assert.Equal(shown, again);
        Assert.Equal(stable, againStable);
    }

    [Fact]
    public void A_hypothesis_growing_by_a_syllable_converts_only_the_runs_it_has_not_seen()
    {
        var text = new PinyinStreamText(Counted);
        var seen = new HashSet<string>();
        for (var length = 2; length <= Tokens.Length; length += 2)
        {
            _conversions.Clear();
            text.Assemble(Spans(length), stableSpans: length, final: false, out _);

            // A run converted again would be a repeat of earlier work; every run here is new to this stream.
            Assert.All(_conversions, run => Assert.True(seen.Add(string.Join(' ', run)), $"'{string.Join(' ', run)}' converted twice"));
        }
    }

    [Fact]
    public void Runs_whose_tokens_join_alike_are_remembered_apart()
    {
        var text = new PinyinStreamText(tokens => string.Join("|", tokens));

        var first = text.Assemble([new TokenSpan("a b", 0, 1), new TokenSpan("c", 1, 1)], 0, final: false, out _);
        var second = text.Assemble([new TokenSpan("a", 0, 1), new TokenSpan("b c", 1, 1)], 0, final: false, out _);

        Assert.Equal("a b|c", first);
        Assert.Equal("a|b c", second);
    }

    private static TokenSpan[] Spans(int count) => [.. Tokens.Take(count).Select((t, i) => new TokenSpan(t, i, 1))];

    private string Counted(string[] tokens)
    {
        _conversions.Add(tokens);
        return _assembler.Convert(tokens);
    }
}
