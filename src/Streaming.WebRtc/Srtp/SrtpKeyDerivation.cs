namespace Streaming.WebRtc.Srtp;

/// <summary>The AES-CM key derivation function of RFC 3711 §4.3 with a key derivation rate of 0.</summary>
internal static class SrtpKeyDerivation
{
    /// <summary>SRTP encryption key label.</summary>
    public const byte RtpEncryption = 0;

    /// <summary>SRTP authentication key label.</summary>
    public const byte RtpAuthentication = 1;

    /// <summary>SRTP salt label.</summary>
    public const byte RtpSalt = 2;

    /// <summary>SRTCP encryption key label.</summary>
    public const byte RtcpEncryption = 3;

    /// <summary>SRTCP authentication key label.</summary>
    public const byte RtcpAuthentication = 4;

    /// <summary>SRTCP salt label.</summary>
    public const byte RtcpSalt = 5;

    /// <summary><paramref name="length"/> bytes of session key material for <paramref name="label"/>.</summary>
    public static byte[] Derive(byte[] masterKey, ReadOnlySpan<byte> masterSalt, byte label, int length)
    {
        // x = key_id XOR master_salt with key_id = label || r (r = 0 at rate 0), right-aligned in 112 bits;
        // the keystream of AES-CM(master key, x * 2^16) is the key.
        Span<byte> iv = stackalloc byte[16];
        masterSalt.CopyTo(iv);
        iv[7] ^= label;
        var output = new byte[length];
        using var cipher = new AesCounterMode(masterKey);
        cipher.Apply(iv, output);
        return output;
    }
}
