using System.Collections.Immutable;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Sudoers;

/// <summary>One command of a rule and whether it runs without a password (a NOPASSWD tag in effect).</summary>
public sealed record SudoCommand(string Command, bool NoPassword)
{
    public bool IsAll => Command == SudoersNames.All;
}

/// <summary>
/// A user specification: <c>%sudo ALL=(ALL:ALL) NOPASSWD: ALL</c> — who, on which hosts, as whom, which commands.
/// </summary>
public sealed record SudoersRule(
    ImmutableArray<string> Users,
    ImmutableArray<string> Hosts,
    string? RunAs,
    ImmutableArray<SudoCommand> Commands,
    string Text,
    SourceLocation Location)
{
    public bool GrantsAll => Commands.Any(c => c.IsAll);
    public bool GrantsAllWithoutPassword => Commands.Any(c => c.IsAll && c.NoPassword);
}

public sealed record SudoersFile(string Path, ImmutableArray<SudoersRule> Rules, ImmutableArray<(string Message, SourceLocation Location)> Problems)
{
    public string Target => Finding.FileTarget(Path);

    public static SudoersFile Empty(string path = "sudoers") => new(path, [], []);
}

public static class SudoersNames
{
    public const string All = "ALL";

    /// <summary>Groups that hold every administrator on Debian/Ubuntu (sudo, admin) and RHEL/Arch (wheel).</summary>
    public static readonly IReadOnlySet<string> BroadGroups = new HashSet<string>(StringComparer.Ordinal) { "%sudo", "%admin", "%wheel", "%adm", "%users" };
}
