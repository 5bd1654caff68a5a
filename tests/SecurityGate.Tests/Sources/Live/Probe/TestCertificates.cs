using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecurityGate.Tests.Sources.Live.Probe;

/// <summary>
/// A throw-away CA (written to a PEM file for --ca-file) and server certificates made in-process: valid for
/// 127.0.0.1 and localhost, expired, for another host, and self-signed.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    public const string OtherHost = "wrong.example";

    public TestCertificates()
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=SecurityGate Probe Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        Authority = caRequest.CreateSelfSigned(now.AddDays(-400), now.AddDays(400));

        Valid = Issue("CN=127.0.0.1", now.AddDays(-1), now.AddDays(90), "127.0.0.1", "localhost");
        Expired = Issue("CN=127.0.0.1", now.AddDays(-100), now.AddDays(-2), "127.0.0.1", "localhost");
        ExpiringSoon = Issue("CN=127.0.0.1", now.AddDays(-60), now.AddDays(10), "127.0.0.1", "localhost");
        WrongHost = Issue("CN=" + OtherHost, now.AddDays(-1), now.AddDays(90), OtherHost);
        SelfSigned = CreateSelfSigned(now);

        CaFile = Path.Combine(Path.GetTempPath(), $"securitygate-probe-ca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(CaFile, Authority.ExportCertificatePem());
    }

    public X509Certificate2 Authority { get; }
    public X509Certificate2 Valid { get; }
    public X509Certificate2 Expired { get; }
    public X509Certificate2 ExpiringSoon { get; }
    public X509Certificate2 WrongHost { get; }
    public X509Certificate2 SelfSigned { get; }

    /// <summary>PEM file holding the CA, for --ca-file.</summary>
    public string CaFile { get; }

    private X509Certificate2 Issue(string subject, DateTimeOffset notBefore, DateTimeOffset notAfter, params string[] names)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(AlternativeNames(names));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Authority, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var signed = request.Create(Authority, notBefore, notAfter, serial);
        return Exportable(signed.CopyWithPrivateKey(key));
    }

    private static X509Certificate2 CreateSelfSigned(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(AlternativeNames(["127.0.0.1", "localhost"]));
        return Exportable(request.CreateSelfSigned(now.AddDays(-1), now.AddDays(90)));
    }

    private static X509Extension AlternativeNames(IEnumerable<string> names)
    {
        var builder = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            if (IPAddress.TryParse(name, out var address))
            {
                builder.AddIpAddress(address);
            }
            else
            {
                builder.AddDnsName(name);
            }
        }

        return builder.Build();
    }

    // Kestrel and SslStream want a certificate whose key they can use; a PKCS#12 round trip makes that portable.
    private static X509Certificate2 Exportable(X509Certificate2 certificate)
    {
        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }
    }

    /// <summary>Writes the certificate and its key as PEM files (for nginx); returns (certificate, key) paths.</summary>
    public static (string Certificate, string Key) WritePem(X509Certificate2 certificate, string directory)
    {
        var certificatePath = Path.Combine(directory, "server.crt");
        var keyPath = Path.Combine(directory, "server.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        var key = (AsymmetricAlgorithm?)certificate.GetECDsaPrivateKey() ?? certificate.GetRSAPrivateKey()!;
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    public void Dispose()
    {
        File.Delete(CaFile);
        foreach (var certificate in new[] { Authority, Valid, Expired, ExpiringSoon, WrongHost, SelfSigned })
        {
            certificate.Dispose();
        }
    }
}
