using System.Collections.Immutable;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Sshd;

/// <summary>
/// The value a directive has for one view of the config, and the line that set it
/// (<see cref="Directive"/> null: the compiled-in default).
/// </summary>
public sealed record SshdSetting(string Keyword, string? Value, SshdDirective? Directive)
{
    public bool IsDefault => Directive is null;
    public bool IsTemplated => Directive?.IsTemplated == true;
    public SourceLocation? Location => Directive?.Location;

    /// <summary>True when the value is known and equals <paramref name="value"/> (case-insensitive).</summary>
    public bool Is(string value) => !IsTemplated && string.Equals(Value, value, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Later lines of a first-wins keyword that sshd ignores: the classic mistake of appending a "fix" at the end of
    /// sshd_config, which never takes effect.
    /// </summary>
    public ImmutableArray<SshdDirective> Ignored { get; init; } = [];

    /// <summary>"yes (set at etc/ssh/sshd_config:12)" or "yes (default: not set)", naming ignored later lines.</summary>
    public string Describe()
    {
        var text = Directive is null
            ? $"{Value} (default: not set)"
            : $"{Value} (set at {Directive.Location.Path}:{Directive.Location.Line})";
        var differing = Ignored.Where(d => !d.IsTemplated && !string.Equals(SshdValues.Normalize(d), Value, StringComparison.OrdinalIgnoreCase)).ToList();
        if (differing.Count > 0)
            text += "; " + string.Join("; ", differing.Select(d =>
                $"{d.Location.Path}:{d.Location.Line} sets '{SshdValues.Normalize(d)}' but sshd keeps the first value it reads"));
        return text;
    }
}

/// <summary>
/// The effective configuration for one view: with <see cref="Connection"/> null it is what <c>sshd -T</c> prints
/// (no Match block applies except <c>Match All</c>); otherwise what <c>sshd -T -C connection</c> prints.
/// </summary>
public sealed class SshdEffectiveConfig
{
    private readonly ImmutableDictionary<string, ImmutableArray<SshdDirective>> _active;

    internal SshdEffectiveConfig(SshdConnection? connection, ImmutableDictionary<string, ImmutableArray<SshdDirective>> active,
        ImmutableArray<SshdProblem> problems)
    {
        Connection = connection;
        _active = active;
        Problems = problems;
    }

    /// <summary>Errors that only show when the Match blocks for this view are applied (sshd -T -C fails on them).</summary>
    public ImmutableArray<SshdProblem> Problems { get; }

    public SshdConnection? Connection { get; }

    /// <summary>"a connection matching no Match block" or "connection user=…,addr=…".</summary>
    public string ViewDescription => Connection is null
        ? "for a connection matching no Match block (as sshd -T prints)"
        : $"for connection {Connection} (as sshd -T -C prints)";

    /// <summary>Every active line for a keyword, in the order sshd read them.</summary>
    public ImmutableArray<SshdDirective> Lines(string keyword) => _active.GetValueOrDefault(keyword, []);

    /// <summary>The effective setting: the first active line (or the last, for the few last-wins keywords), else the default.</summary>
    public SshdSetting Get(string keyword)
    {
        var lines = Lines(keyword);
        if (lines.IsEmpty)
            return new SshdSetting(keyword, SshdValues.Default(keyword), null);
        var multiplicity = lines[0].Definition.Multiplicity;
        var directive = multiplicity == SshdMultiplicity.LastWins ? lines[^1] : lines[0];
        return new SshdSetting(keyword, SshdValues.Normalize(directive), directive)
        {
            Ignored = multiplicity == SshdMultiplicity.FirstWins ? lines.RemoveAt(0) : [],
        };
    }

    public SshdSetting PasswordAuthentication => Get(SshdKeywords.PasswordAuthentication);
    public SshdSetting KbdInteractiveAuthentication => Get(SshdKeywords.KbdInteractiveAuthentication);
    public SshdSetting UsePam => Get(SshdKeywords.UsePam);
    public SshdSetting PermitRootLogin => Get(SshdKeywords.PermitRootLogin);
    public SshdSetting PermitEmptyPasswords => Get(SshdKeywords.PermitEmptyPasswords);
    public SshdSetting PubkeyAuthentication => Get(SshdKeywords.PubkeyAuthentication);
    public SshdSetting X11Forwarding => Get(SshdKeywords.X11Forwarding);
    public SshdSetting MaxAuthTries => Get(SshdKeywords.MaxAuthTries);
    public SshdSetting PermitUserEnvironment => Get(SshdKeywords.PermitUserEnvironment);
    public SshdSetting AuthenticationMethods => Get(SshdKeywords.AuthenticationMethods);

    /// <summary>
    /// False when AuthenticationMethods is set and none of its lists names <paramref name="method"/>
    /// (e.g. "password"), so sshd never offers that method whatever its own switch says.
    /// </summary>
    public bool AllowsMethod(string method)
    {
        var setting = AuthenticationMethods;
        if (setting.IsDefault || setting.IsTemplated || setting.Is(SshdValues.AnyAuthenticationMethod))
            return true;
        return setting.Directive!.Args.Any(list => list.Split(',').Any(m => m.Split(':')[0] == method));
    }
}
