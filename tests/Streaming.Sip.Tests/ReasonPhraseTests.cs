using Streaming.Sip.Message;

namespace Streaming.Sip.Tests;

public sealed class ReasonPhraseTests
{
    [Theory]
    [InlineData("OK")]
    [InlineData("Not Acceptable Here (SDP offer required)")]
    [InlineData("Malformed CSeq '1 x'; see RFC 3261 §20.16")]
    [InlineData("Escaped %41 is fine")]
    [InlineData("Спасибо")]
    public void Phrases_within_the_grammar_are_valid_and_kept(string phrase)
    {
        Assert.True(ReasonPhrase.IsValid(phrase));
        Assert.Equal(phrase, ReasonPhrase.Sanitize(phrase));
    }

    [Theory]
    [InlineData("Method !interesting-Method0123456789_*+`.%indeed'~ Not Implemented", "Method !interesting-Method0123456789_*+.indeed'~ Not Implemented")]
    [InlineData("To \"BEL:\\\u0007\" <sip:x>", "To BEL: sip:x")]
    [InlineData("100% sure", "100 sure")]
    public void Characters_outside_the_grammar_are_dropped(string phrase, string cleaned)
    {
        Assert.False(ReasonPhrase.IsValid(phrase));
        Assert.Equal(cleaned, ReasonPhrase.Sanitize(phrase));
        Assert.True(ReasonPhrase.IsValid(cleaned));
    }
}
