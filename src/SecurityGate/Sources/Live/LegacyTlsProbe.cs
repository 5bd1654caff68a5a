using System.Net.Security;
using System.Security.Authentication;

namespace SecurityGate.Sources.Live;

/// <summary>
/// Asks the server, with SslStream, to speak TLS 1.0 or 1.1. On OpenSSL 3 (Debian 12) the client's default
/// security level forbids both versions ("no ciphers available": nothing is sent) and, once allowed, refuses the
/// SHA-1 signature of an ECDHE key exchange ("legacy sigalg disallowed"). So the probe names its cipher suites:
/// RSA key exchange first (no signature, the handshake completes), then ECDHE; a handshake that fails on the
/// legacy signature still proves the server chose the old version, which is what we want to know.
/// </summary>
internal static class LegacyTlsProbe
{
    // Texts of OpenSSL errors (stable across 3.x) that tell the outcome apart.
    private const string LegacySignatureRefusedByUs = "legacy sigalg disallowed";
    private const string NoCiphersOffered = "no ciphers available";
    private const string NoProtocolsOffered = "no protocols available";

    public const string NotTestableNote =
        "this machine's TLS library would not offer TLS 1.0/1.1, so their acceptance could not be tested";

#pragma warning disable SYSLIB0039 // TLS 1.0 and 1.1 are exactly what we test for.
    public static readonly SslProtocols Tls10 = SslProtocols.Tls;
    public static readonly SslProtocols Tls11 = SslProtocols.Tls11;
#pragma warning restore SYSLIB0039

    private static readonly TlsCipherSuite[] LegacySuites =
    [
        TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
        TlsCipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA,
        TlsCipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
    ];

    /// <param name="connect">Opens a TCP stream to the site (with the probe's address policy).</param>
    public static async Task<LegacyProtocolSupport> CheckAsync(
        Func<CancellationToken, Task<Stream>> connect, string host, SslProtocols protocol, CancellationToken cancel)
    {
        Stream stream;
        try
        {
            stream = await connect(cancel);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            return LegacyProtocolSupport.NotChecked;
        }

        await using var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        try
        {
            var options = new SslClientAuthenticationOptions
            {
                TargetHost = host,
                EnabledSslProtocols = protocol,
                RemoteCertificateValidationCallback = (_, _, _, _) => true, // the version is the question, not the certificate
            };
            if (!OperatingSystem.IsWindows())
            {
                options.CipherSuitesPolicy = new CipherSuitesPolicy(LegacySuites); // Windows' SChannel picks its own
            }

            await ssl.AuthenticateAsClientAsync(options, cancel);
            return ssl.SslProtocol == protocol ? LegacyProtocolSupport.Accepted : LegacyProtocolSupport.Refused;
        }
        catch (PlatformNotSupportedException)
        {
            return LegacyProtocolSupport.NotTestable; // no CipherSuitesPolicy on this platform
        }
        catch (AuthenticationException e)
        {
            var text = AllMessages(e);
            if (text.Contains(LegacySignatureRefusedByUs, StringComparison.OrdinalIgnoreCase))
            {
                return LegacyProtocolSupport.Accepted;
            }

            return text.Contains(NoCiphersOffered, StringComparison.OrdinalIgnoreCase)
                || text.Contains(NoProtocolsOffered, StringComparison.OrdinalIgnoreCase)
                ? LegacyProtocolSupport.NotTestable
                : LegacyProtocolSupport.Refused;
        }
        catch (IOException)
        {
            return LegacyProtocolSupport.Refused; // reset or closed on our hello
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return LegacyProtocolSupport.NotChecked;
        }
    }

    private static string AllMessages(Exception e)
    {
        var messages = new List<string>();
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        return string.Join(" | ", messages);
    }
}
