using System.Security.Cryptography;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;
using Streaming.WebRtc.Srtp;

namespace Streaming.WebRtc.Dtls;

/// <summary>
/// The DTLS 1.2 server side of DTLS-SRTP (RFC 5764): ECDSA certificate, a client certificate required and
/// checked against the fingerprint of the offer, one SRTP profile chosen from the client's use_srtp list,
/// and the SRTP master keys exported to <paramref name="onKeys"/> the moment the handshake completes (before
/// <c>Accept</c> returns, so that the peer's first SRTP packets find them in place).
/// </summary>
internal sealed class DtlsSrtpServer(
    DtlsCertificate certificate, string peerFingerprintAlgorithm, byte[] peerFingerprint, Action<SrtpProfile, byte[]> onKeys)
    : DefaultTlsServer(certificate.Crypto)
{
    private SrtpProfile? _profile;

    /// <summary>The negotiated profile, once the client hello was processed.</summary>
    public SrtpProfile? Profile => _profile;

    /// <inheritdoc />
    protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.DTLSv12.Only();

    /// <inheritdoc />
    protected override int[] GetSupportedCipherSuites() =>
    [
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    ];

    /// <inheritdoc />
    protected override TlsCredentialedSigner GetECDsaSignerCredentials() =>
        new BcDefaultTlsCredentialedSigner(
            new TlsCryptoParameters(m_context),
            certificate.Crypto,
            certificate.PrivateKey,
            certificate.Certificate,
            new SignatureAndHashAlgorithm(Org.BouncyCastle.Tls.HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));

    /// <inheritdoc />
    public override void ProcessClientExtensions(IDictionary<int, byte[]> clientExtensions)
    {
        base.ProcessClientExtensions(clientExtensions);
        var offered = TlsSrtpUtilities.GetUseSrtpExtension(clientExtensions)
            ?? throw new TlsFatalAlert(AlertDescription.handshake_failure, "The client offered no use_srtp extension.");
        _profile = SrtpProfile.Supported.FirstOrDefault(p => offered.ProtectionProfiles.Contains(p.Id))
            ?? throw new TlsFatalAlert(AlertDescription.handshake_failure, "No SRTP protection profile in common.");
    }

    /// <inheritdoc />
    public override IDictionary<int, byte[]> GetServerExtensions()
    {
        var extensions = base.GetServerExtensions();
        TlsSrtpUtilities.AddUseSrtpExtension(extensions, new UseSrtpData([_profile!.Id], TlsUtilities.EmptyBytes));
        return extensions;
    }

    /// <inheritdoc />
    public override CertificateRequest GetCertificateRequest() =>
        new([ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign], TlsUtilities.GetDefaultSupportedSignatureAlgorithms(m_context), null);

    /// <inheritdoc />
    public override void NotifyClientCertificate(Certificate clientCertificate)
    {
        if (clientCertificate is null || clientCertificate.IsEmpty)
        {
            throw new TlsFatalAlert(AlertDescription.certificate_required, "WebRTC peers must present a certificate.");
        }

        var der = clientCertificate.GetCertificateAt(0).GetEncoded();
        var digest = peerFingerprintAlgorithm switch
        {
            "sha-1" => SHA1.HashData(der),
            "sha-384" => SHA384.HashData(der),
            "sha-512" => SHA512.HashData(der),
            _ => SHA256.HashData(der),
        };
        if (!CryptographicOperations.FixedTimeEquals(digest, peerFingerprint))
        {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "The client certificate does not match the offer's fingerprint.");
        }
    }

    /// <inheritdoc />
    public override void NotifyHandshakeComplete()
    {
        base.NotifyHandshakeComplete();
        var profile = _profile!;
        // Client key | server key | client salt | server salt (RFC 5764 §4.2).
        onKeys(profile, m_context.ExportKeyingMaterial(ExporterLabel.dtls_srtp, null, 2 * (profile.KeyLength + profile.SaltLength)));
    }
}
