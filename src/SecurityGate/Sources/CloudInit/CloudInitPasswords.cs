namespace SecurityGate.Sources.CloudInit;

/// <summary>What kind of crypt(3) string a <c>passwd:</c> holds, and whether it resists offline guessing.</summary>
public static class CloudInitPasswords
{
    /// <summary>yescrypt ($y$), SHA-512 crypt ($6$), SHA-256 crypt ($5$), bcrypt ($2a$/$2b$/$2y$), scrypt ($7$), gost-yescrypt ($gy$).</summary>
    private static readonly string[] StrongPrefixes = ["$y$", "$6$", "$5$", "$2a$", "$2b$", "$2y$", "$7$", "$gy$"];

    /// <summary>A crypt string of some kind ($id$… or a 13-character DES hash), rather than a password in the clear.</summary>
    public static bool IsHash(string value) =>
        value.StartsWith('$') && value.IndexOf('$', 1) > 1 || (value.Length == 13 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '/'));

    public static bool IsStrongHash(string value) => StrongPrefixes.Any(p => value.StartsWith(p, StringComparison.Ordinal));

    /// <summary>"MD5-crypt ($1$)", "DES crypt"… for messages.</summary>
    public static string DescribeWeakHash(string value) =>
        value.StartsWith("$1$", StringComparison.Ordinal) ? "an MD5-crypt ($1$) hash"
        : value.StartsWith("$apr1$", StringComparison.Ordinal) ? "an Apache MD5 ($apr1$) hash"
        : value.StartsWith('$') ? "a hash of a weak or unknown scheme"
        : IsHash(value) ? "a DES crypt hash (8 characters at most)" : "a password in the clear";
}
