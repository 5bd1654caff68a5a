namespace SecurityGate.Sources.Live;

/// <summary>
/// What the TLS handshake showed. A placeholder for the TLS rules to come: the Observatory itself only uses
/// <see cref="RequestChain.CertificateVerified"/>.
/// </summary>
public sealed record TlsFacts
{
    /// <summary>e.g. "Tls13".</summary>
    public string? Protocol { get; init; }

    public string? CipherSuite { get; init; }
    public string? CertificateSubject { get; init; }
    public DateTimeOffset? CertificateNotAfter { get; init; }
}
