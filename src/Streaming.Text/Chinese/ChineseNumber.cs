namespace Streaming.Text.Chinese;

/// <summary>A spoken number read from Chinese text.</summary>
/// <param name="Length">Characters consumed.</param>
/// <param name="Written">Its written form (320, 3.14, 100万1111, 30~40万).</param>
/// <param name="Value">Numeric value, for range checks by dates and times (the lower end of a range).</param>
/// <param name="IsSingleDigit">Spoken as one digit word (五, 两), which the 0–9 option governs.</param>
/// <param name="HasBigUnit">Ends in 万/亿/兆, so it is a quantity even without a classifier.</param>
internal readonly record struct ChineseNumber(int Length, string Written, decimal Value, bool IsSingleDigit, bool HasBigUnit);
