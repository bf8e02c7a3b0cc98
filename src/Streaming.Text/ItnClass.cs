namespace Streaming.Text;

/// <summary>The semiotic classes the normalisers rewrite; a flags set so options can toggle each one.</summary>
[Flags]
public enum ItnClass
{
    /// <summary>Text copied unchanged (used on spans, never as a toggle).</summary>
    None = 0,
    /// <summary>Plain numbers: 三百二十 → 320, "forty two" → 42.</summary>
    Cardinal = 1 << 0,
    /// <summary>Ordinals: 第三 → 第3, "twenty first" → 21st.</summary>
    Ordinal = 1 << 1,
    /// <summary>Decimals: 三点一四 → 3.14.</summary>
    Decimal = 1 << 2,
    /// <summary>Fractions: 二分之一 → 1/2.</summary>
    Fraction = 1 << 3,
    /// <summary>Percentages: 百分之三十五 → 35%.</summary>
    Percent = 1 << 4,
    /// <summary>Amounts of money: "twenty five dollars" → $25.</summary>
    Money = 1 << 5,
    /// <summary>Quantities with units: 十公里 → 10km.</summary>
    Measure = 1 << 6,
    /// <summary>Dates: 二零二五年 → 2025年.</summary>
    Date = 1 << 7,
    /// <summary>Clock times: 八点半 → 8:30.</summary>
    Time = 1 << 8,
    /// <summary>Digit strings such as telephone and ID numbers.</summary>
    Telephone = 1 << 9,
    /// <summary>Arithmetic and comparisons: 一加二 → 1+2.</summary>
    Math = 1 << 10,
    /// <summary>Chinese vehicle licence plates.</summary>
    LicensePlate = 1 << 11,
    /// <summary>Chinese train numbers: 高一二 → G12.</summary>
    TrainNumber = 1 << 12,
    /// <summary>E-mail addresses, URLs and IP addresses.</summary>
    Electronic = 1 << 13,
    /// <summary>Fixed phrases with a conventional written form: "doctor" → dr.</summary>
    Whitelist = 1 << 14,
    /// <summary>Every class.</summary>
    All = (1 << 15) - 1,
}
