using System.Collections.Frozen;
using System.Collections.Immutable;

namespace SecurityGate.Sources.Sshd;

public enum SshdAlgorithmKind
{
    Cipher,
    Mac,
    Kex,
}

/// <summary>
/// Algorithm lists of OpenSSH 9.2 (Debian 12): what it supports (<c>ssh -Q cipher|mac|kex</c>), what sshd offers
/// by default (<c>sshd -T</c>), and how a <c>Ciphers</c>/<c>MACs</c>/<c>KexAlgorithms</c> argument is combined with
/// the default: a plain list replaces it, <c>+list</c> appends, <c>^list</c> prepends, <c>-list</c> removes
/// (wildcards allowed only there). Duplicates are dropped, keeping the first.
/// </summary>
public static class SshdAlgorithms
{
    public static readonly ImmutableArray<string> DefaultCiphers =
    [
        "chacha20-poly1305@openssh.com", "aes128-ctr", "aes192-ctr", "aes256-ctr",
        "aes128-gcm@openssh.com", "aes256-gcm@openssh.com",
    ];

    public static readonly ImmutableArray<string> DefaultMacs =
    [
        "umac-64-etm@openssh.com", "umac-128-etm@openssh.com", "hmac-sha2-256-etm@openssh.com",
        "hmac-sha2-512-etm@openssh.com", "hmac-sha1-etm@openssh.com", "umac-64@openssh.com",
        "umac-128@openssh.com", "hmac-sha2-256", "hmac-sha2-512", "hmac-sha1",
    ];

    public static readonly ImmutableArray<string> DefaultKex =
    [
        "sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com", "curve25519-sha256",
        "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521",
        "diffie-hellman-group-exchange-sha256", "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512",
        "diffie-hellman-group14-sha256",
    ];

    private static readonly FrozenSet<string> SupportedCiphers = FrozenSet.ToFrozenSet(
    [
        "3des-cbc", "aes128-cbc", "aes192-cbc", "aes256-cbc", "aes128-ctr", "aes192-ctr", "aes256-ctr",
        "aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "chacha20-poly1305@openssh.com",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> SupportedMacs = FrozenSet.ToFrozenSet(
    [
        "hmac-sha1", "hmac-sha1-96", "hmac-sha2-256", "hmac-sha2-512", "hmac-md5", "hmac-md5-96",
        "umac-64@openssh.com", "umac-128@openssh.com", "hmac-sha1-etm@openssh.com", "hmac-sha1-96-etm@openssh.com",
        "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-md5-etm@openssh.com",
        "hmac-md5-96-etm@openssh.com", "umac-64-etm@openssh.com", "umac-128-etm@openssh.com",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> SupportedKex = FrozenSet.ToFrozenSet(
    [
        "diffie-hellman-group1-sha1", "diffie-hellman-group14-sha1", "diffie-hellman-group14-sha256",
        "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512", "diffie-hellman-group-exchange-sha1",
        "diffie-hellman-group-exchange-sha256", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521",
        "curve25519-sha256", "curve25519-sha256@libssh.org", "sntrup761x25519-sha512",
        "sntrup761x25519-sha512@openssh.com",
    ], StringComparer.Ordinal);

    /// <summary>Weak algorithms that only an explicit setting enables (none is in OpenSSH 9.2's defaults).</summary>
    private static readonly FrozenSet<string> WeakNames = FrozenSet.ToFrozenSet(
    [
        "3des-cbc", "blowfish-cbc", "cast128-cbc", "rijndael-cbc@lysator.liu.se",
        "hmac-sha1-96", "hmac-sha1-96-etm@openssh.com",
        "diffie-hellman-group1-sha1", "diffie-hellman-group14-sha1", "diffie-hellman-group-exchange-sha1",
    ], StringComparer.Ordinal);

    public static ImmutableArray<string> Defaults(SshdAlgorithmKind kind) => kind switch
    {
        SshdAlgorithmKind.Cipher => DefaultCiphers,
        SshdAlgorithmKind.Mac => DefaultMacs,
        _ => DefaultKex,
    };

    public static bool IsSupported(SshdAlgorithmKind kind, string name) => kind switch
    {
        SshdAlgorithmKind.Cipher => SupportedCiphers.Contains(name),
        SshdAlgorithmKind.Mac => SupportedMacs.Contains(name),
        _ => SupportedKex.Contains(name),
    };

    /// <summary>True for the algorithms the SSH rules call weak: CBC ciphers, RC4, MD5 and truncated MACs, SHA-1 key exchange.</summary>
    public static bool IsWeak(string name) =>
        WeakNames.Contains(name)
        || name.StartsWith("arcfour", StringComparison.Ordinal)
        || name.StartsWith("hmac-md5", StringComparison.Ordinal)
        || (name.StartsWith("aes", StringComparison.Ordinal) && name.EndsWith("-cbc", StringComparison.Ordinal));

    /// <summary>The names of a list argument that this OpenSSH does not know (empty for a <c>-</c> list, which takes patterns).</summary>
    public static IEnumerable<string> UnknownNames(SshdAlgorithmKind kind, string argument)
    {
        if (argument.StartsWith('-'))
            return [];
        var list = argument.Length > 0 && (argument[0] == '+' || argument[0] == '^') ? argument[1..] : argument;
        return list.Split(',').Where(name => !IsSupported(kind, name));
    }

    /// <summary>Combines a configured argument with the defaults exactly as sshd does before printing it with -T.</summary>
    public static ImmutableArray<string> Assemble(SshdAlgorithmKind kind, string? argument)
    {
        var defaults = Defaults(kind);
        if (string.IsNullOrEmpty(argument))
            return defaults;
        var rest = argument[1..].Split(',');
        return argument[0] switch
        {
            '+' => Distinct(defaults.Concat(rest)),
            '^' => Distinct(rest.Concat(defaults)),
            '-' => defaults.Where(name => SshdPatterns.MatchPatternList(name, argument[1..], ignoreCase: false) != 1)
                .ToImmutableArray(),
            _ => Distinct(argument.Split(',')),
        };
    }

    private static ImmutableArray<string> Distinct(IEnumerable<string> names) =>
        names.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToImmutableArray();
}
