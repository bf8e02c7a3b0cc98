using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Streaming.WebRtc.Dtls;

/// <summary>
/// The self-signed ECDSA P-256 certificate this server presents in DTLS, made when the ingress starts
/// (WebRTC authenticates it by the fingerprint in the answer, not by a CA).
/// </summary>
internal sealed class DtlsCertificate
{
    private DtlsCertificate(byte[] der, AsymmetricKeyParameter privateKey, BcTlsCrypto crypto)
    {
        Der = der;
        PrivateKey = privateKey;
        Crypto = crypto;
        Certificate = new Certificate([crypto.CreateCertificate(der)]);
        Fingerprint = FormatFingerprint(SHA256.HashData(der));
    }

    /// <summary>The certificate's DER encoding.</summary>
    public byte[] Der { get; }

    /// <summary>The key that signs the DTLS handshake.</summary>
    public AsymmetricKeyParameter PrivateKey { get; }

    /// <summary>The crypto provider the certificate belongs to.</summary>
    public BcTlsCrypto Crypto { get; }

    /// <summary>The certificate as a DTLS chain of one.</summary>
    public Certificate Certificate { get; }

    /// <summary>SHA-256 fingerprint as upper-case colon-separated hex, as a=fingerprint writes it.</summary>
    public string Fingerprint { get; }

    /// <summary>Makes a new key pair and certificate valid from yesterday for 30 days.</summary>
    public static DtlsCertificate Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=streaming-webrtc", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var privateKey = PrivateKeyFactory.CreateKey(key.ExportPkcs8PrivateKey());
        return new DtlsCertificate(certificate.RawData, privateKey, new BcTlsCrypto(new SecureRandom()));
    }

    /// <summary>Colon-separated upper-case hex.</summary>
    public static string FormatFingerprint(ReadOnlySpan<byte> digest) => string.Join(':', Convert.ToHexString(digest).Chunk(2).Select(c => new string(c)));
}
