using System.Globalization;

namespace Streaming.Asr.Text.Pinyin;

/// <summary>
/// One unit of a pinyin token stream after assembly: a syllable in libpinyin's spelling (<c>ü</c> as
/// <c>v</c> after l/n, plain <c>u</c> after j/q/x/y) with its tone, or text that is not pinyin (a spelled
/// Latin letter) and passes through unchanged.
/// </summary>
/// <param name="Text">Syllable letters without tone, or the literal text.</param>
/// <param name="Tone">1–4, <see cref="NeutralTone"/>, <see cref="NoTone"/> (a bare initial), or <see cref="LiteralTone"/>.</param>
public readonly record struct PinyinPiece(string Text, int Tone)
{
    /// <summary>The neutral (light) tone, libpinyin's tone 5.</summary>
    public const int NeutralTone = 5;

    /// <summary>No tone known: an initial the model emitted without a final.</summary>
    public const int NoTone = 0;

    /// <summary>Marks a piece that is not pinyin.</summary>
    public const int LiteralTone = -1;

    /// <summary>Whether the piece is a syllable (as opposed to literal text).</summary>
    public bool IsSyllable => Tone != LiteralTone;

    /// <summary>The syllable as libpinyin's full pinyin with a numbered tone (<c>wo3</c>), or without one.</summary>
    public string ToLibPinyin(bool withTone) =>
        withTone && Tone > 0 ? Text + Tone.ToString(CultureInfo.InvariantCulture) : Text;
}
