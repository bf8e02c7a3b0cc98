using System.Security.Cryptography;

namespace Streaming.WebRtc.Srtp;

/// <summary>AES in counter mode as SRTP uses it (RFC 3711 §4.1.1): a 128-bit IV whose last 16 bits count blocks.</summary>
internal sealed class AesCounterMode(byte[] key) : IDisposable
{
    private readonly Aes _aes = CreateAes(key);

    /// <summary>XORs <paramref name="data"/> in place with the keystream that starts at <paramref name="iv"/>.</summary>
    public void Apply(ReadOnlySpan<byte> iv, Span<byte> data)
    {
        var blocks = (data.Length + 15) / 16;
        var counters = new byte[blocks * 16];
        for (var b = 0; b < blocks; b++)
        {
            var block = counters.AsSpan(b * 16, 16);
            iv.CopyTo(block);
            // The block counter occupies the low 16 bits; SRTP packets never need more than 2^16 blocks.
            var counter = (block[14] << 8 | block[15]) + b;
            block[14] = (byte)(counter >> 8);
            block[15] = (byte)counter;
        }

        var keystream = _aes.EncryptEcb(counters, PaddingMode.None);
        for (var i = 0; i < data.Length; i++)
        {
            data[i] ^= keystream[i];
        }
    }

    private static Aes CreateAes(byte[] key)
    {
        var aes = Aes.Create();
        aes.Key = key;
        return aes;
    }

    /// <inheritdoc />
    public void Dispose() => _aes.Dispose();
}
