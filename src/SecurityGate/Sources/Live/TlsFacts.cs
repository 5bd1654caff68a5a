using System.Collections.Immutable;

namespace SecurityGate.Sources.Live;

/// <summary>Whether a server completed (or at least agreed to) a handshake at a legacy protocol version.</summary>
public enum LegacyProtocolSupport
{
    /// <summary>Not tried: HTTPS did not answer, or the deadline came first.</summary>
    NotChecked,

    /// <summary>The server refused the version (alert, reset or a higher version chosen).</summary>
    Refused,

    /// <summary>The server agreed to the version.</summary>
    Accepted,

    /// <summary>This machine's TLS library would not offer the version at all, so nothing can be said.</summary>
    NotTestable,
}

/// <summary>The leaf certificate the site presented, and how it validated for the probed host name.</summary>
public sealed record CertificateFacts
{
    public required string Subject { get; init; }
    public required string Issuer { get; init; }
    public required DateTimeOffset NotBefore { get; init; }
    public required DateTimeOffset NotAfter { get; init; }

    /// <summary>DNS names and IP addresses of the subject alternative name extension.</summary>
    public ImmutableArray<string> SubjectAlternativeNames { get; init; } = [];

    /// <summary>The chain ends in a root of the system store or of the --ca-file bundle (validity dates aside).</summary>
    public required bool ChainTrusted { get; init; }

    /// <summary>Names of the chain problems (X509ChainStatusFlags) other than the validity period; empty when trusted.</summary>
    public ImmutableArray<string> ChainProblems { get; init; } = [];

    /// <summary>The certificate names the host that was probed (SAN or CN, wildcards per RFC 6125).</summary>
    public required bool HostnameMatches { get; init; }

    /// <summary>Where the trusted root came from: "system", "ca-file", or null when untrusted.</summary>
    public string? TrustedBy { get; init; }

    public bool SelfSigned => Subject == Issuer;

    public bool IsExpiredAt(DateTimeOffset instant) => instant > NotAfter;

    public bool IsNotYetValidAt(DateTimeOffset instant) => instant < NotBefore;

    /// <summary>Whole days from <paramref name="instant"/> until expiry (negative once expired).</summary>
    public int DaysUntilExpiry(DateTimeOffset instant) => (int)Math.Floor((NotAfter - instant).TotalDays);
}

/// <summary>
/// What the TLS handshakes with the site's HTTPS origin showed: the negotiated protocol, cipher and ALPN of the
/// probe's own connection, the certificate, and explicit attempts at TLS 1.0 and 1.1.
/// </summary>
public sealed record TlsFacts
{
    /// <summary>e.g. "Tls13".</summary>
    public string? Protocol { get; init; }

    /// <summary>e.g. "TLS_AES_256_GCM_SHA384".</summary>
    public string? CipherSuite { get; init; }

    /// <summary>The ALPN protocol agreed on ("h2", "http/1.1"), or null when the server chose none.</summary>
    public string? ApplicationProtocol { get; init; }

    public CertificateFacts? Certificate { get; init; }

    public LegacyProtocolSupport Tls10 { get; init; }
    public LegacyProtocolSupport Tls11 { get; init; }

    /// <summary>Why a legacy version could not be tested here, when it could not.</summary>
    public string? LegacyProbeNote { get; init; }

    public bool Http2 => ApplicationProtocol == "h2";
}
