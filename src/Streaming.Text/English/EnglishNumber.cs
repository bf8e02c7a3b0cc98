using System.Numerics;

namespace Streaming.Text.English;

/// <summary>A spoken English number.</summary>
/// <param name="Count">Tokens consumed.</param>
/// <param name="Value">Its value (the integer part for decimals).</param>
/// <param name="Written">Its written form: 254, 5.2 million, .02.</param>
/// <param name="IsSingleDigit">Said as one digit word (zero…nine), which the 0–9 option governs.</param>
internal readonly record struct EnglishNumber(int Count, BigInteger Value, string Written, bool IsSingleDigit)
{
    /// <summary>The written form; never null, even for the empty default.</summary>
    public string Written { get => field ?? ""; init => field = value; } = Written;

    /// <summary>The value as an int for range checks, or -1 when it does not fit.</summary>
    public int Small => Value >= 0 && Value <= int.MaxValue ? (int)Value : -1;
}
