using System.Collections.Immutable;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Ufw;

public enum UfwCommandKind
{
    Enable,
    Disable,
    Reset,
    /// <summary><c>ufw default allow|deny|reject [incoming|outgoing|routed]</c>.</summary>
    Default,
    /// <summary><c>ufw allow|deny|reject|limit …</c>.</summary>
    Rule,
}

/// <summary>Where a ufw command was found.</summary>
public enum UfwOrigin
{
    ShellScript,
    CloudInit,
    Ansible,
}

/// <summary>
/// One ufw command as the server would run it. For a rule: <see cref="Action"/> (allow, deny, reject, limit), the
/// ports it opens (<c>22</c>, <c>6000:6007</c>, or a service/app name such as <c>OpenSSH</c>) and the source address
/// (null: from anywhere). For a default policy: <see cref="Action"/> and <see cref="Direction"/>.
/// </summary>
public sealed record UfwCommand(
    UfwCommandKind Kind,
    string? Action,
    ImmutableArray<string> Ports,
    string? From,
    string Direction,
    string Text,
    UfwOrigin Origin,
    SourceLocation Location)
{
    public const string Incoming = "incoming";

    /// <summary>No source, or one that means every address.</summary>
    public bool FromAnywhere => From is null or "any" or "0.0.0.0/0" or "::/0" or "0/0";

    /// <summary>True when the rule opens <paramref name="port"/> (a number, a range containing it, or a name for it).</summary>
    public bool Opens(int port) => Ports.Any(p => UfwPorts.Contains(p, port));
}

/// <summary>A <c>KEY=value</c> line of ufw.conf or /etc/default/ufw.</summary>
public sealed record UfwSetting(string Name, string Value, SourceLocation Location);

/// <summary>
/// The local firewall as the whole repository describes it: every ufw command found in shell scripts, cloud-init
/// runcmd/bootcmd and Ansible tasks, and the settings of committed ufw.conf and /etc/default/ufw files. One model per
/// repository, because a script that adds rules and another that enables ufw belong together.
/// </summary>
public sealed record FirewallModel(ImmutableArray<UfwCommand> Commands, ImmutableArray<UfwSetting> Settings)
{
    public const string EnabledSetting = "ENABLED";
    public const string DefaultInputPolicySetting = "DEFAULT_INPUT_POLICY";

    public static FirewallModel Empty { get; } = new([], []);

    public bool Manages => Commands.Any(c => c.Kind is UfwCommandKind.Rule or UfwCommandKind.Default) || Settings.Any();

    /// <summary>Something enables ufw: <c>ufw enable</c>, Ansible <c>state: enabled</c>, or ufw.conf <c>ENABLED=yes</c>.</summary>
    public bool EnablesUfw => Commands.Any(c => c.Kind == UfwCommandKind.Enable)
        || Settings.Any(s => s.Name == EnabledSetting && s.Value.Equals("yes", StringComparison.OrdinalIgnoreCase));

    public static string TargetOf(SourceLocation location) => Finding.FileTarget(location.Path);
}

/// <summary>Port tokens of ufw rules: numbers, ranges (<c>6000:6007</c>), and the service and app names that name a port.</summary>
public static class UfwPorts
{
    /// <summary>/etc/services names and ufw application profiles for the ports the rules care about.</summary>
    private static readonly Dictionary<string, int> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ssh"] = 22, ["OpenSSH"] = 22, ["postgresql"] = 5432, ["postgres"] = 5432, ["mysql"] = 3306,
        ["redis"] = 6379, ["mongodb"] = 27017, ["docker"] = 2375,
    };

    public static bool Contains(string token, int port)
    {
        var bare = token.Split('/')[0];
        if (Names.TryGetValue(bare, out var named))
            return named == port;
        var range = bare.Split(':');
        if (range.Length == 2 && int.TryParse(range[0], out var low) && int.TryParse(range[1], out var high))
            return low <= port && port <= high;
        return int.TryParse(bare, out var single) && single == port;
    }
}
