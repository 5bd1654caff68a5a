using System.Collections.Immutable;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Sshd;

public enum SshdProblemKind
{
    /// <summary>sshd would refuse to start with this configuration (it exits on any of these).</summary>
    Invalid,
    /// <summary>Part of the file could not be judged: a templated value, an Include outside the repository, a deprecated keyword.</summary>
    NotJudged,
}

/// <summary>A problem found while reading a config; it becomes an SSH000 (invalid) or SSH013 (not judged) finding.</summary>
public sealed record SshdProblem(SshdProblemKind Kind, Severity Severity, string Message, SourceLocation Location);

/// <summary>One meaningful line of a config file: a directive, a Match line or an Include line.</summary>
public abstract record SshdItem(SourceLocation Location);

/// <summary>
/// A directive occurrence. <see cref="Keyword"/> is the canonical name (aliases resolved:
/// ChallengeResponseAuthentication → KbdInteractiveAuthentication); <see cref="RawKeyword"/> is as written.
/// </summary>
public sealed record SshdDirective(
    string Keyword,
    string RawKeyword,
    ImmutableArray<string> Args,
    SourceLocation Location,
    SshdKeyword Definition,
    bool IsTemplated) : SshdItem(Location)
{
    /// <summary>The arguments as one string, as sshd -T prints most values.</summary>
    public string Value => string.Join(' ', Args);
}

/// <summary>One criterion of a Match line: attribute (lower case: user, group, host, address, localaddress, localport, rdomain, all) and pattern list.</summary>
public sealed record SshdMatchCriterion(string Attribute, string Pattern);

/// <summary>A Match line. Its block runs to the next Match line or the end of the file it is in.</summary>
public sealed record SshdMatch(
    ImmutableArray<SshdMatchCriterion> Criteria,
    string Condition,
    SourceLocation Location,
    bool IsTemplated) : SshdItem(Location)
{
    public bool IsAll => Criteria.Length == 1 && Criteria[0].Attribute == SshdMatchAttributes.All;
}

/// <summary>An Include line with the repository files its patterns matched, in the order sshd reads them.</summary>
public sealed record SshdInclude(
    ImmutableArray<string> Patterns,
    SourceLocation Location,
    ImmutableArray<SshdFile> Files) : SshdItem(Location);

/// <summary>A parsed file; included files appear inside <see cref="SshdInclude.Files"/>, once per inclusion.</summary>
public sealed record SshdFile(string Path, ImmutableArray<SshdItem> Items);

/// <summary>A main sshd_config with everything it includes, and every problem met while reading it.</summary>
public sealed record SshdConfig(string MainPath, SshdFile Root, ImmutableArray<SshdProblem> Problems)
{
    public bool IsValid => Problems.All(p => p.Kind != SshdProblemKind.Invalid);
}

/// <summary>The directives under one Match line (through Includes), for rules about what a block re-enables.</summary>
public sealed record SshdMatchBlock(SshdMatch Match, ImmutableArray<SshdDirective> Directives)
{
    /// <summary>The directive that sets <paramref name="keyword"/> for connections matching this block (first wins).</summary>
    public SshdDirective? First(string keyword) =>
        Directives.FirstOrDefault(d => string.Equals(d.Keyword, keyword, StringComparison.Ordinal));
}

public static class SshdMatchAttributes
{
    public const string All = "all";
    public const string User = "user";
    public const string Group = "group";
    public const string Host = "host";
    public const string Address = "address";
    public const string LocalAddress = "localaddress";
    public const string LocalPort = "localport";
    public const string RDomain = "rdomain";

    public static readonly ImmutableArray<string> WithArgument = [User, Group, Host, Address, LocalAddress, LocalPort, RDomain];
}
