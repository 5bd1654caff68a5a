using SecurityGate.Configuration;
using SecurityGate.Findings;

namespace SecurityGate.Gate;

/// <summary>
/// What is shown and what blocks are separate decisions: configured severities re-level or drop findings,
/// then a finding blocks when it is not suppressed and its severity is at or above <c>fail-on</c>.
/// </summary>
public static class GatePolicy
{
    public static IReadOnlyList<Finding> Apply(IEnumerable<Finding> findings, GateOptions options)
    {
        var result = new List<Finding>();
        foreach (var finding in findings)
        {
            var leveled = finding;
            if (options.RuleSeverities.TryGetValue(finding.RuleId, out var configured))
            {
                if (configured.Off)
                    continue;
                leveled = finding with { Severity = configured.Severity!.Value };
            }
            result.Add(leveled with { Blocking = leveled.Suppression is null && options.FailOn.Blocks(leveled.Severity) });
        }
        return result;
    }

    /// <summary>Report order: by file, line, column, rule; findings without a file last, by target.</summary>
    public static int Compare(Finding a, Finding b)
    {
        if (a.Location is null != b.Location is null)
            return a.Location is null ? 1 : -1;
        var c = a.Location is { } la && b.Location is { } lb
            ? string.CompareOrdinal(la.Path, lb.Path) is var p and not 0 ? p
            : la.Line != lb.Line ? la.Line.CompareTo(lb.Line)
            : la.Column.CompareTo(lb.Column)
            : string.CompareOrdinal(a.Target, b.Target);
        if (c != 0)
            return c;
        c = string.CompareOrdinal(a.RuleId, b.RuleId);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}
