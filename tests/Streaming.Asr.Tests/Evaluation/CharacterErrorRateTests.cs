using Streaming.Asr.Evaluation;

namespace Streaming.Asr.Tests.Evaluation;

public sealed class CharacterErrorRateTests
{
    [Fact]
    public void Punctuation_and_spaces_are_not_scored()
    {
        Assert.Equal(["我", "们", "好"], CharacterErrorRate.Normalise(" 我们，好。 "));
        Assert.Equal(0, CharacterErrorRate.Compute("我们好", "我们 好！"));
    }

    [Fact]
    public void Latin_letters_and_digits_count_one_character_each_case_insensitive()
    {
        Assert.Equal(["a", "b", "5", "号"], CharacterErrorRate.Normalise("Ab 5号"));
    }

    [Fact]
    public void Substitutions_deletions_and_insertions_count_against_the_reference_length()
    {
        Assert.Equal(1 / 4.0, CharacterErrorRate.Compute("实际成交", "世际成交"));
        Assert.Equal(2 / 4.0, CharacterErrorRate.Compute("实际成交", "实际"));
        Assert.Equal(1 / 4.0, CharacterErrorRate.Compute("实际成交", "实际成交了"));
    }

    [Fact]
    public void An_empty_reference_is_rejected() =>
        Assert.Throws<ArgumentException>(() => CharacterErrorRate.Compute("，。", "我"));
}
