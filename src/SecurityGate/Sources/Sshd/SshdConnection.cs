namespace SecurityGate.Sources.Sshd;

/// <summary>
/// The connection a Match block is tested against, as given to <c>sshd -T -C</c>
/// (<c>user=deploy,host=bastion.example.com,addr=10.1.2.3,laddr=10.0.0.1,lport=22,rdomain=x</c>).
/// A field left out matches no criterion that needs it (sshd's test mode does the same).
/// </summary>
public sealed record SshdConnection
{
    public string? User { get; init; }
    public string? Host { get; init; }
    public string? Address { get; init; }
    public string? LocalAddress { get; init; }
    public int? LocalPort { get; init; }
    public string? RDomain { get; init; }

    private const string UserKey = "user";
    private const string HostKey = "host";
    private const string AddressKey = "addr";
    private const string LocalAddressKey = "laddr";
    private const string LocalPortKey = "lport";
    private const string RDomainKey = "rdomain";
    private static readonly string[] Keys = [UserKey, HostKey, AddressKey, LocalAddressKey, LocalPortKey, RDomainKey];

    /// <summary>Parses the <c>--sshd-connection</c> / <c>sshd -C</c> syntax; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? spec, out SshdConnection? connection, out string? error)
    {
        connection = null;
        error = null;
        if (string.IsNullOrWhiteSpace(spec))
        {
            error = $"The sshd connection spec is empty; expected e.g. user=deploy,host=bastion.example.com,addr=10.1.2.3 (keys: {string.Join(", ", Keys)}).";
            return false;
        }
        var result = new SshdConnection();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in spec.Split(','))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                error = $"'{part}' in the sshd connection spec is not key=value (keys: {string.Join(", ", Keys)}).";
                return false;
            }
            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (!Keys.Contains(key))
            {
                error = $"Unknown key '{key}' in the sshd connection spec; expected one of {string.Join(", ", Keys)}.";
                return false;
            }
            if (!seen.Add(key))
            {
                error = $"Key '{key}' appears twice in the sshd connection spec.";
                return false;
            }
            if (value.Length == 0)
            {
                error = $"Key '{key}' has an empty value in the sshd connection spec.";
                return false;
            }
            switch (key)
            {
                case UserKey: result = result with { User = value }; break;
                case HostKey: result = result with { Host = value }; break;
                case AddressKey: result = result with { Address = value }; break;
                case LocalAddressKey: result = result with { LocalAddress = value }; break;
                case RDomainKey: result = result with { RDomain = value }; break;
                default:
                    if (SshdParser.ParsePort(value) is not { } port)
                    {
                        error = $"Invalid port '{value}' for lport in the sshd connection spec (1-65535).";
                        return false;
                    }
                    result = result with { LocalPort = port };
                    break;
            }
        }
        connection = result;
        return true;
    }

    public static SshdConnection Parse(string spec) =>
        TryParse(spec, out var connection, out var error) ? connection! : throw new FormatException(error);

    /// <summary>Back in the <c>sshd -C</c> syntax, fields in a fixed order.</summary>
    public override string ToString() => string.Join(',', new (string Key, string? Value)[]
        {
            (UserKey, User), (HostKey, Host), (AddressKey, Address), (LocalAddressKey, LocalAddress),
            (LocalPortKey, LocalPort?.ToString(System.Globalization.CultureInfo.InvariantCulture)), (RDomainKey, RDomain),
        }
        .Where(f => f.Value is not null)
        .Select(f => $"{f.Key}={f.Value}"));
}
