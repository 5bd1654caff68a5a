using System.Collections.Immutable;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SecurityGate.Configuration;

namespace SecurityGate.Sources.Live;

/// <summary>
/// Judges a presented certificate chain against the system store or the roots of a --ca-file PEM bundle.
/// Validity dates are judged separately (expired and "expires soon" are their own findings), so chains are built
/// ignoring time; certificates are never downloaded (an attacker's certificate must not make the gate fetch URLs)
/// and revocation is not checked (no network beyond the site).
/// </summary>
public sealed class CertificateTrust
{
    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";
    private const X509ChainStatusFlags TimeFlags =
        X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested | X509ChainStatusFlags.CtlNotTimeValid;

    public const string TrustedBySystem = "system";
    public const string TrustedByCaFile = "ca-file";

    private readonly X509Certificate2Collection _extraRoots;

    private CertificateTrust(X509Certificate2Collection extraRoots) => _extraRoots = extraRoots;

    public static CertificateTrust SystemOnly { get; } = new([]);

    /// <exception cref="ConfigurationException">When the file holds no PEM certificate.</exception>
    public static CertificateTrust WithCaFile(string? caFile)
    {
        if (caFile is null)
        {
            return SystemOnly;
        }

        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(caFile);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"ca-file: {caFile} could not be read as a PEM certificate bundle ({e.Message}).");
        }

        if (roots.Count == 0)
        {
            throw new ConfigurationException($"ca-file: {caFile} holds no PEM certificate.");
        }

        return new CertificateTrust(roots);
    }

    /// <summary>Facts about the leaf of a handshake; null when the server presented no certificate.</summary>
    public CertificateFacts? Evaluate(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return null;
        }

        using var leaf = new X509Certificate2(certificate);
        var intermediates = new X509Certificate2Collection();
        if (presented is not null)
        {
            intermediates.AddRange(presented.ChainPolicy.ExtraStore);
            foreach (var element in presented.ChainElements)
            {
                intermediates.Add(element.Certificate);
            }
        }

        var (trusted, problems) = Build(leaf, intermediates, customRoots: null);
        var trustedBy = trusted ? TrustedBySystem : null;
        if (!trusted && _extraRoots.Count > 0)
        {
            (trusted, var customProblems) = Build(leaf, intermediates, _extraRoots);
            trustedBy = trusted ? TrustedByCaFile : null;
            problems = trusted ? [] : customProblems;
        }

        return new CertificateFacts
        {
            Subject = leaf.Subject,
            Issuer = leaf.Issuer,
            NotBefore = new DateTimeOffset(leaf.NotBefore.ToUniversalTime()),
            NotAfter = new DateTimeOffset(leaf.NotAfter.ToUniversalTime()),
            SubjectAlternativeNames = SubjectAlternativeNames(leaf),
            ChainTrusted = trusted,
            ChainProblems = problems,
            HostnameMatches = (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0,
            TrustedBy = trustedBy,
        };
    }

    private static (bool Trusted, ImmutableArray<string> Problems) Build(
        X509Certificate2 leaf, X509Certificate2Collection intermediates, X509Certificate2Collection? customRoots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid
            | X509VerificationFlags.IgnoreCtlNotTimeValid | X509VerificationFlags.IgnoreNotTimeNested;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ServerAuthenticationOid));
        chain.ChainPolicy.ExtraStore.AddRange(intermediates);
        if (customRoots is not null)
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(customRoots);
        }

        var built = chain.Build(leaf);
        var flags = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status) & ~TimeFlags;
        var problems = Enum.GetValues<X509ChainStatusFlags>()
            .Where(f => f != X509ChainStatusFlags.NoError && flags.HasFlag(f))
            .Select(f => f.ToString())
            .ToImmutableArray();
        foreach (var element in chain.ChainElements)
        {
            element.Certificate.Dispose();
        }

        return (built && problems.IsEmpty, built && problems.IsEmpty ? [] : problems.IsEmpty ? ["UntrustedRoot"] : problems);
    }

    private static ImmutableArray<string> SubjectAlternativeNames(X509Certificate2 certificate)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var extension in certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>())
        {
            names.AddRange(extension.EnumerateDnsNames());
            names.AddRange(extension.EnumerateIPAddresses().Select(a => a.ToString()));
        }

        return names.ToImmutable();
    }
}
