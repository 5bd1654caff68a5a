using System.Globalization;

namespace SecurityGate.Sources.Nginx;

/// <summary>
/// What a <c>listen</c> directive means: <c>80</c>, <c>[::]:443 ssl</c>, <c>127.0.0.1:8080</c>, <c>unix:/run/x.sock</c>,
/// <c>443 quic reuseport</c>. A server without any listen listens on *:80 (as root).
/// </summary>
public sealed record NginxListen(NginxDirective Directive, int? Port, bool Tls, bool Loopback, bool Unix)
{
    public const int DefaultPort = 80;

    /// <summary>Plain HTTP reachable from other hosts on port 80.</summary>
    public bool IsPublicPlainHttp => !Tls && !Loopback && !Unix && Port == DefaultPort;

    public static NginxListen Parse(NginxDirective listen)
    {
        var address = listen.Argument(0) ?? "";
        var flags = listen.Arguments.Skip(1).Select(a => a.Value.ToLowerInvariant()).ToList();
        var tls = flags.Contains("ssl") || flags.Contains("quic");
        if (address.StartsWith("unix:", StringComparison.Ordinal))
            return new NginxListen(listen, null, tls, false, true);

        string host;
        string? portText;
        if (address.StartsWith('['))
        {
            var close = address.IndexOf(']');
            host = close > 0 ? address[1..close] : address;
            portText = close > 0 && close + 1 < address.Length && address[close + 1] == ':' ? address[(close + 2)..] : null;
        }
        else if (address.Contains(':'))
        {
            host = address[..address.LastIndexOf(':')];
            portText = address[(address.LastIndexOf(':') + 1)..];
        }
        else if (address.All(char.IsAsciiDigit))
            (host, portText) = ("*", address);
        else
            (host, portText) = (address, null);

        int? port = portText is null ? DefaultPort
            : int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
        var loopback = host is "127.0.0.1" or "::1" or "localhost" || host.StartsWith("127.", StringComparison.Ordinal);
        return new NginxListen(listen, port, tls, loopback, false);
    }

    /// <summary>The server's listens; an implicit *:80 (pointing at the server line) when it has none.</summary>
    public static IReadOnlyList<NginxListen> Of(NginxScope server)
    {
        var listens = server.Own(NginxNames.Listen).Select(Parse).ToList();
        var legacySsl = server.Own(NginxNames.Ssl).Any(d => string.Equals(d.Argument(0), "on", StringComparison.OrdinalIgnoreCase));
        if (legacySsl)
            listens = [.. listens.Select(l => l with { Tls = true })]; // "ssl on;" (removed in 1.25.1) made every listen TLS
        return listens.Count > 0 ? listens : [new NginxListen(server.Owner!, DefaultPort, legacySsl, false, false)];
    }
}
