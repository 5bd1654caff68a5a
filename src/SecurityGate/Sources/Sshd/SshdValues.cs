using System.Collections.Frozen;
using System.Collections.Immutable;

namespace SecurityGate.Sources.Sshd;

/// <summary>
/// Compiled-in defaults of OpenSSH 9.x for the modelled directives, and the normal form of their values
/// (what <c>sshd -T</c> prints, except that PermitRootLogin is written prohibit-password rather than without-password).
/// Note: Debian's shipped sshd_config sets <c>KbdInteractiveAuthentication no</c> and <c>UsePAM yes</c>; we judge the
/// file in the repository against the compiled-in defaults.
/// </summary>
public static class SshdValues
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string ProhibitPassword = "prohibit-password";
    public const string WithoutPassword = "without-password";
    public const string ForcedCommandsOnly = "forced-commands-only";
    public const string AnyAuthenticationMethod = "any";

    /// <summary>OpenSSH's compiled-in MaxAuthTries.</summary>
    public const int DefaultMaxAuthTries = 6;

    public static readonly ImmutableArray<string> PermitRootLoginValues = [Yes, No, ProhibitPassword, WithoutPassword, ForcedCommandsOnly];

    /// <summary>The keywords the effective-config evaluator models, lower case as sshd -T prints them.</summary>
    public static readonly ImmutableArray<string> Modelled =
    [
        SshdKeywords.PasswordAuthentication, SshdKeywords.KbdInteractiveAuthentication, SshdKeywords.UsePam,
        SshdKeywords.PermitRootLogin, SshdKeywords.PermitEmptyPasswords, SshdKeywords.PubkeyAuthentication,
        SshdKeywords.X11Forwarding, SshdKeywords.MaxAuthTries, SshdKeywords.PermitUserEnvironment,
        SshdKeywords.Ciphers, SshdKeywords.Macs, SshdKeywords.KexAlgorithms, SshdKeywords.AuthenticationMethods,
    ];

    private static readonly FrozenDictionary<string, string> Defaults = new Dictionary<string, string>
    {
        [SshdKeywords.PasswordAuthentication] = Yes,
        [SshdKeywords.KbdInteractiveAuthentication] = Yes,
        [SshdKeywords.UsePam] = No,
        [SshdKeywords.PermitRootLogin] = ProhibitPassword,
        [SshdKeywords.PermitEmptyPasswords] = No,
        [SshdKeywords.PubkeyAuthentication] = Yes,
        [SshdKeywords.X11Forwarding] = No,
        [SshdKeywords.MaxAuthTries] = "6",
        [SshdKeywords.PermitUserEnvironment] = No,
        [SshdKeywords.Ciphers] = string.Join(',', SshdAlgorithms.DefaultCiphers),
        [SshdKeywords.Macs] = string.Join(',', SshdAlgorithms.DefaultMacs),
        [SshdKeywords.KexAlgorithms] = string.Join(',', SshdAlgorithms.DefaultKex),
        [SshdKeywords.AuthenticationMethods] = AnyAuthenticationMethod,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The compiled-in default, or null for keywords we do not model ("not set").</summary>
    public static string? Default(string keyword) => Defaults.GetValueOrDefault(keyword);

    public static SshdAlgorithmKind AlgorithmKind(SshdValueType type) => type switch
    {
        SshdValueType.Ciphers => SshdAlgorithmKind.Cipher,
        SshdValueType.Macs => SshdAlgorithmKind.Mac,
        _ => SshdAlgorithmKind.Kex,
    };

    /// <summary>The normal form of a directive's value.</summary>
    public static string Normalize(SshdDirective directive)
    {
        if (directive.IsTemplated || directive.Args.IsEmpty)
            return directive.Value;
        var first = directive.Args[0];
        return directive.Definition.Type switch
        {
            SshdValueType.Flag => first.ToLowerInvariant(),
            SshdValueType.PermitRootLogin => first.ToLowerInvariant() is WithoutPassword ? ProhibitPassword : first.ToLowerInvariant(),
            SshdValueType.Integer => SshdParser.ParseInteger(first)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? first,
            SshdValueType.Ciphers or SshdValueType.Macs or SshdValueType.KexAlgorithms =>
                string.Join(',', SshdAlgorithms.Assemble(AlgorithmKind(directive.Definition.Type), first)),
            _ => directive.Value,
        };
    }
}
