using SecurityGate.Findings;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Rules.Sshd;

/// <summary>Small helpers the SSH rules share: the refs.sshd reference and how a Match block is named in messages.</summary>
internal static class SshdRuleSupport
{
    /// <summary>The reference key naming the sshd directive a finding is about.</summary>
    public const string SshdReference = "sshd";

    public static Dictionary<string, string> Refs(string directive) => new() { [SshdReference] = directive };

    /// <summary>"'Match User deploy' (line 12 of etc/ssh/sshd_config)".</summary>
    public static string Describe(SshdMatch match) =>
        $"'Match {match.Condition}' (line {match.Location.Line} of {match.Location.Path})";

    /// <summary>The Match blocks whose settings are not already part of the plain sshd -T view.</summary>
    public static IEnumerable<SshdMatchBlock> ConditionalBlocks(SshdConfigModel model) =>
        model.MatchBlocks.Where(b => !b.Match.IsAll && !b.Match.IsTemplated);

    /// <summary>The block's value for a keyword when the block sets it with a literal value.</summary>
    public static string? LiteralValue(SshdDirective? directive) =>
        directive is { IsTemplated: false } ? SshdValues.Normalize(directive) : null;

    public static Finding WithSeverity(this Finding finding, Severity severity) => finding with { Severity = severity };
}
