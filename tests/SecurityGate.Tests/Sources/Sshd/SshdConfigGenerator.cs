using System.Text;

namespace SecurityGate.Tests.Sources.Sshd;

/// <summary>
/// Generates sshd configs from a seeded <see cref="Random"/> to compare our evaluation with sshd's own:
/// duplicate directives (first value wins), mixed-case keywords, <c>=</c> forms, quotes and comments, Includes of a
/// sshd_config.d folder before, between and inside Match blocks (globs, lists, bracket ranges), Match blocks with
/// User/Address/Host criteria, negations and All, and now and then a line sshd must reject.
/// Paths in Include lines start with <see cref="Root"/>, replaced by the real folder by the caller.
/// </summary>
internal sealed class SshdConfigGenerator(int seed)
{
    public const string Root = "@ROOT@";
    private const double InvalidLineChance = 0.004;

    private readonly Random _random = new(seed);

    private static readonly string[] Flags =
    [
        "PasswordAuthentication", "KbdInteractiveAuthentication", "ChallengeResponseAuthentication",
        "PermitEmptyPasswords", "PubkeyAuthentication", "X11Forwarding",
    ];

    private static readonly string[] GlobalOnly = ["UsePAM", "PermitUserEnvironment", "Ciphers", "MACs", "KexAlgorithms"];

    private static readonly string[] MatchAllowed = [.. Flags, "PermitRootLogin", "MaxAuthTries"];

    /// <summary>Rare: a list naming a disabled method makes sshd refuse the whole config.</summary>
    private const double AuthenticationMethodsChance = 0.03;

    private static readonly string[] RootLogin = ["yes", "no", "prohibit-password", "without-password", "forced-commands-only"];
    private static readonly string[] Users = ["deploy", "root", "alice", "dep*", "*,!root", "!root", "alice,bob", "ROOT", "d?ploy"];
    private static readonly string[] Addresses =
    [
        "10.0.0.0/8", "10.1.2.3", "192.168.0.0/16,!192.168.1.0/24", "0.0.0.0/0", "10.*", "203.0.113.0/24", "!10.0.0.0/8,*",
        "192.168.1.20/32",
    ];
    private static readonly string[] Hosts = ["*.example.com", "bastion.example.com", "DB1.INTERNAL", "*.internal,!db1.internal"];
    private static readonly string[] DropInNames = ["10-base.conf", "50-cloud.conf", "99-last.conf", "20-match.conf", "README", "7-x.conf.disabled"];
    private static readonly string[] IncludeForms =
    [
        $"Include {Root}/sshd_config.d/*.conf",
        $"include {Root}/sshd_config.d/*.conf",
        $"Include \"{Root}/sshd_config.d/*.conf\"",
        $"Include={Root}/sshd_config.d/[1-5]*.conf",
        $"Include {Root}/sshd_config.d/99-last.conf {Root}/sshd_config.d/10-base.conf",
        $"Include {Root}/sshd_config.d/nothing-*.conf",
    ];

    private static readonly Dictionary<string, string[]> AlgorithmValues = new()
    {
        ["Ciphers"] =
        [
            "aes128-ctr,aes256-ctr", "+3des-cbc", "^aes128-cbc,aes256-ctr", "-aes128*,chacha*",
            "chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes256-gcm@openssh.com", "+aes256-ctr",
        ],
        ["MACs"] = ["hmac-sha2-512,hmac-sha2-256", "+hmac-md5,hmac-sha1-96", "-hmac-sha1*", "^umac-128@openssh.com"],
        ["KexAlgorithms"] =
        [
            "curve25519-sha256", "+diffie-hellman-group1-sha1", "-diffie-hellman-group*,ecdh-*",
            "^diffie-hellman-group14-sha1,curve25519-sha256",
        ],
    };

    private static readonly string[] AuthenticationMethods =
        ["any", "publickey", "publickey,password", "publickey password", "keyboard-interactive", "publickey,keyboard-interactive:pam"];

    /// <summary>A config: the main file and drop-in files keyed by their path relative to the main file's folder.</summary>
    public (string Main, Dictionary<string, string> Files) Next()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in DropInNames.Where(_ => Chance(0.45)))
            files["sshd_config.d/" + name] = Body(allowInclude: false);
        return (Body(allowInclude: true), files);
    }

    private string Body(bool allowInclude)
    {
        var text = new StringBuilder();
        AppendGlobals(text, _random.Next(0, 7), allowInclude);
        var blocks = _random.Next(0, 4);
        for (var b = 0; b < blocks; b++)
        {
            text.Append(MatchLine()).Append('\n');
            var lines = _random.Next(1, 5);
            for (var l = 0; l < lines; l++)
            {
                if (allowInclude && Chance(0.1))
                    text.Append("  ").Append(Pick(IncludeForms)).Append('\n');
                else
                    text.Append(Chance(0.7) ? "    " : "").Append(Directive(inMatch: true)).Append('\n');
            }
        }
        if (allowInclude && Chance(0.15))
            text.Append(Pick(IncludeForms)).Append('\n'); // at the end: inside the last block, if any
        return text.ToString();
    }

    private void AppendGlobals(StringBuilder text, int count, bool allowInclude)
    {
        var includeAt = allowInclude && Chance(0.6) ? _random.Next(0, count + 1) : -1;
        for (var i = 0; i <= count; i++)
        {
            if (i == includeAt)
                text.Append(Pick(IncludeForms)).Append('\n');
            if (i == count)
                break;
            if (Chance(0.1))
                text.Append(Chance(0.5) ? "# a comment\n" : "\n");
            text.Append(Directive(inMatch: false)).Append('\n');
        }
    }

    private string MatchLine()
    {
        if (Chance(0.1))
            return Chance(0.5) ? "Match All" : "match all # everyone";
        var criteria = new List<string>();
        if (Chance(0.6))
            criteria.Add($"{Case("User")} {Pick(Users)}");
        if (Chance(0.5))
            criteria.Add($"{Case("Address")} {Pick(Addresses)}");
        if (criteria.Count == 0 || Chance(0.25))
            criteria.Add($"{Case("Host")} {Pick(Hosts)}");
        return $"{Case("Match")} {string.Join(' ', criteria.OrderBy(_ => _random.Next()))}";
    }

    private string Directive(bool inMatch)
    {
        if (Chance(InvalidLineChance))
            return Pick(["PasswordAuthentication maybe", "PermitRootLogn no", "MaxAuthTries many", "X11Forwarding yes no"]);
        var pool = inMatch && !Chance(InvalidLineChance) ? MatchAllowed : [.. MatchAllowed, .. GlobalOnly];
        var keyword = Chance(AuthenticationMethodsChance) ? "AuthenticationMethods" : Pick(pool);
        var value = keyword switch
        {
            "PermitRootLogin" => Case(Pick(RootLogin)),
            "MaxAuthTries" => Pick(["0", "3", "6", "7", "10", "+4", "012"]),
            "PermitUserEnvironment" => Pick(["yes", "no", "LANG,LC_*"]),
            "AuthenticationMethods" => Pick(AuthenticationMethods),
            "Ciphers" or "MACs" or "KexAlgorithms" => Pick(AlgorithmValues[keyword]),
            _ => Case(Pick(["yes", "no"])),
        };
        if (Chance(0.1) && !value.Contains(' '))
            value = $"\"{value}\"";
        var separator = Pick([" ", " ", "=", " = ", "\t", "  "]);
        var comment = Chance(0.1) ? " # note" : "";
        return $"{Case(keyword)}{separator}{value}{comment}";
    }

    private string Case(string word) => _random.Next(4) switch
    {
        0 => word.ToLowerInvariant(),
        1 => word.ToUpperInvariant(),
        2 => new string(word.Select(c => Chance(0.5) ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray()),
        _ => word,
    };

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
