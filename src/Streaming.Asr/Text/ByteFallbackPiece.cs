using System.Globalization;

namespace Streaming.Asr.Text;

/// <summary>Recognises SentencePiece byte-fallback pieces such as <c>&lt;0x0A&gt;</c>.</summary>
internal static class ByteFallbackPiece
{
    public static bool TryParse(string piece, out byte value)
    {
        value = 0;
        return piece.Length == 6 && piece.StartsWith("<0x", StringComparison.Ordinal) && piece[5] == '>'
            && byte.TryParse(piece.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value);
    }
}
