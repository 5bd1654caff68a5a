using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecurityGate.Tests.Sources.Live.Observatory.Reference;

/// <summary>
/// A throw-away CA and a server certificate for 127.0.0.1 and localhost signed by it, made in-process.
/// The CA goes to a PEM file so Node (NODE_EXTRA_CA_CERTS) trusts the server like a real site.
/// </summary>
public sealed class LoopbackCertificates : IDisposable
{
    public LoopbackCertificates()
    {
        var notBefore = DateTimeOffset.UtcNow.AddDays(-1);
        var notAfter = DateTimeOffset.UtcNow.AddDays(30);

        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=SecurityGate Observatory Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        Authority = caRequest.CreateSelfSigned(notBefore, notAfter);

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Authority, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var signed = serverRequest.Create(Authority, notBefore, notAfter.AddDays(-1), serial);
        Server = signed.CopyWithPrivateKey(serverKey);

        // Same names, but signed by nobody the clients trust: the "bad certificate" case.
        using var untrustedKey = RSA.Create(2048);
        var untrustedRequest = new CertificateRequest("CN=127.0.0.1", untrustedKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        untrustedRequest.CertificateExtensions.Add(names.Build());
        Untrusted = untrustedRequest.CreateSelfSigned(notBefore, notAfter);

        AuthorityPemPath = Path.Combine(Path.GetTempPath(), $"securitygate-observatory-ca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(AuthorityPemPath, Authority.ExportCertificatePem());
    }

    public X509Certificate2 Authority { get; }
    public X509Certificate2 Server { get; }

    /// <summary>A self-signed certificate for 127.0.0.1 that no client trusts.</summary>
    public X509Certificate2 Untrusted { get; }
    public string AuthorityPemPath { get; }

    /// <summary>Whether <paramref name="certificate"/> chains to our CA (the check a client with that CA does).</summary>
    public bool IsTrusted(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    public void Dispose()
    {
        File.Delete(AuthorityPemPath);
        Server.Dispose();
        Untrusted.Dispose();
        Authority.Dispose();
    }
}
