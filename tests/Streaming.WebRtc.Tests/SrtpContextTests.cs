using Streaming.WebRtc.Srtp;

namespace Streaming.WebRtc.Tests;

public sealed class SrtpContextTests
{
    // RFC 3711 Appendix B.3 master key and salt, also libsrtp's srtp_validate key.
    private static readonly byte[] MasterKey = Convert.FromHexString("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static readonly byte[] MasterSalt = Convert.FromHexString("0EC675AD498AFEEBB6960B3AABE6");

    private static readonly byte[] RtpPlain = Convert.FromHexString("800f1234decafbadcafebabe" + string.Concat(Enumerable.Repeat("ab", 16)));
    private static readonly byte[] SrtpProtected = Convert.FromHexString("800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402b78d6acc99ea179b8dbb");
    private static readonly byte[] RtcpPlain = Convert.FromHexString("81c8000bcafebabe" + string.Concat(Enumerable.Repeat("ab", 16)));
    private static readonly byte[] SrtcpProtected = Convert.FromHexString("81c8000bcafebabe7128035be487b9bdbef89041f977a5a880000001993e08cd54d6c1230798");

    [Fact]
    public void Session_keys_derive_as_rfc3711_appendix_b3_lists()
    {
        Assert.Equal("C61E7A93744F39EE10734AFE3FF7A087", Convert.ToHexString(SrtpKeyDerivation.Derive(MasterKey, MasterSalt, SrtpKeyDerivation.RtpEncryption, 16)));
        Assert.Equal("30CBBC08863D8C85D49DB34A9AE1", Convert.ToHexString(SrtpKeyDerivation.Derive(MasterKey, MasterSalt, SrtpKeyDerivation.RtpSalt, 14)));
        Assert.Equal("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4", Convert.ToHexString(SrtpKeyDerivation.Derive(MasterKey, MasterSalt, SrtpKeyDerivation.RtpAuthentication, 20)));
    }

    [Fact]
    public void Aes_counter_keystream_matches_rfc3711_appendix_b2()
    {
        using var cipher = new AesCounterMode(Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C"));
        var keystream = new byte[48];

        cipher.Apply(Convert.FromHexString("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"), keystream);

        Assert.Equal(
            "E03EAD0935C95E80E166B16DD92B4EB4" + "D23513162B02D0F72A43A2FE4A5F97AB" + "41E95B3BB0A2E8DD477901E4FCA894C0",
            Convert.ToHexString(keystream));
    }

    [Fact]
    public void Protect_gives_the_reference_srtp_packet_and_unprotect_reverses_it()
    {
        using var sender = new SrtpContext(MasterKey, MasterSalt);
        using var receiver = new SrtpContext(MasterKey, MasterSalt);

        Assert.Equal(SrtpProtected, sender.ProtectRtp(RtpPlain));
        Assert.Equal(RtpPlain, receiver.UnprotectRtp(SrtpProtected, out var failure));
        Assert.Equal(SrtpFailure.None, failure);
    }

    [Fact]
    public void Reference_srtcp_packet_unprotects_and_protect_reproduces_it()
    {
        using var receiver = new SrtpContext(MasterKey, MasterSalt);
        using var sender = new SrtpContext(MasterKey, MasterSalt);

        Assert.Equal(RtcpPlain, receiver.UnprotectRtcp(SrtcpProtected, out var failure));
        Assert.Equal(SrtpFailure.None, failure);
        sender.ProtectRtcp(RtcpPlain); // index 0
        Assert.Equal(SrtcpProtected, sender.ProtectRtcp(RtcpPlain)); // the reference packet has index 1
    }

    [Fact]
    public void A_replayed_packet_is_dropped_as_replay()
    {
        using var receiver = new SrtpContext(MasterKey, MasterSalt);
        Assert.NotNull(receiver.UnprotectRtp(SrtpProtected, out _));

        Assert.Null(receiver.UnprotectRtp(SrtpProtected, out var failure));
        Assert.Equal(SrtpFailure.Replayed, failure);
    }

    [Fact]
    public void A_packet_under_another_key_fails_authentication_and_does_not_poison_the_window()
    {
        var otherKey = (byte[])MasterKey.Clone();
        otherKey[0] ^= 0xFF;
        using var stranger = new SrtpContext(otherKey, MasterSalt);
        using var receiver = new SrtpContext(MasterKey, MasterSalt);

        Assert.Null(receiver.UnprotectRtp(stranger.ProtectRtp(RtpPlain), out var failure));
        Assert.Equal(SrtpFailure.AuthenticationFailed, failure);
        // The genuine packet with the same sequence number still gets through.
        Assert.Equal(RtpPlain, receiver.UnprotectRtp(SrtpProtected, out _));
    }

    [Fact]
    public void Sequence_wrap_keeps_packets_flowing_across_the_rollover()
    {
        using var sender = new SrtpContext(MasterKey, MasterSalt);
        using var receiver = new SrtpContext(MasterKey, MasterSalt);
        foreach (var sequence in new ushort[] { 65533, 65534, 65535, 0, 1, 2 })
        {
            var rtp = (byte[])RtpPlain.Clone();
            rtp[2] = (byte)(sequence >> 8);
            rtp[3] = (byte)sequence;

            Assert.Equal(rtp, receiver.UnprotectRtp(sender.ProtectRtp(rtp), out var failure));
            Assert.Equal(SrtpFailure.None, failure);
        }
    }

    [Fact]
    public void Truncated_packets_are_malformed()
    {
        using var receiver = new SrtpContext(MasterKey, MasterSalt);

        Assert.Null(receiver.UnprotectRtp(SrtpProtected.AsSpan(0, 15), out var failure));
        Assert.Equal(SrtpFailure.Malformed, failure);
        Assert.Null(receiver.UnprotectRtcp(SrtcpProtected.AsSpan(0, 12), out failure));
        Assert.Equal(SrtpFailure.Malformed, failure);
    }
    // libsrtp's srtp_validate_gcm: AEAD_AES_128_GCM reference packets (key 00..0f, salt a0..ab).
    private static readonly byte[] GcmKey = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
    private static readonly byte[] GcmSalt = Convert.FromHexString("a0a1a2a3a4a5a6a7a8a9aaab");

    [Fact]
    public void Aead_gcm_protect_gives_the_reference_packet_and_unprotect_reverses_it()
    {
        var expected = Convert.FromHexString("800f1234decafbadcafebabec5002ede04cfdd2eb91159e0880aa06ed2976826f796b201df3131a127e8a392");
        using var sender = new SrtpContext(SrtpProfile.AeadAes128Gcm, GcmKey, GcmSalt);
        using var receiver = new SrtpContext(SrtpProfile.AeadAes128Gcm, GcmKey, GcmSalt);

        Assert.Equal(expected, sender.ProtectRtp(RtpPlain));
        Assert.Equal(RtpPlain, receiver.UnprotectRtp(expected, out var failure));
        Assert.Equal(SrtpFailure.None, failure);
        Assert.Null(receiver.UnprotectRtp(expected, out failure));
        Assert.Equal(SrtpFailure.Replayed, failure);
    }

    [Fact]
    public void Aead_gcm_srtcp_reference_packet_unprotects_and_a_flipped_bit_fails_authentication()
    {
        var reference = Convert.FromHexString("81c8000bcafebabec98b8b5df0392a55852b6c21ac8e7025c52c6fbea2b3b446ea31123ba88ce61e80000001");
        using var receiver = new SrtpContext(SrtpProfile.AeadAes128Gcm, GcmKey, GcmSalt);
        using var sender = new SrtpContext(SrtpProfile.AeadAes128Gcm, GcmKey, GcmSalt);
        var damaged = (byte[])reference.Clone();
        damaged[10] ^= 1;

        Assert.Null(receiver.UnprotectRtcp(damaged, out var failure));
        Assert.Equal(SrtpFailure.AuthenticationFailed, failure);
        Assert.Equal(RtcpPlain, receiver.UnprotectRtcp(reference, out failure));
        Assert.Equal(SrtpFailure.None, failure);
        sender.ProtectRtcp(RtcpPlain);
        Assert.Equal(reference, sender.ProtectRtcp(RtcpPlain));
    }
}
