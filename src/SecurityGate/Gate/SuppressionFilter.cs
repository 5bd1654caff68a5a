using SecurityGate.Findings;
using SecurityGate.Rules.Engine;
using SecurityGate.Sources.Suppressions;

namespace SecurityGate.Gate;

/// <summary>
/// Matches findings with inline suppression comments on the same line or the line above. A valid, unexpired
/// suppression marks the finding suppressed (it stays in the report, never blocks); invalid and expired
/// suppressions silence nothing and are reported themselves.
/// </summary>
public static class SuppressionFilter
{
    public static IReadOnlyList<Finding> Apply(
        IReadOnlyList<Finding> findings,
        IReadOnlyDictionary<string, IReadOnlyList<SuppressionComment>> commentsByPath,
        IReadOnlySet<string> knownRuleIds,
        DateOnly today)
    {
        var result = new List<Finding>(findings.Count);
        var expiredUsed = new HashSet<SuppressionComment>();

        foreach (var finding in findings)
        {
            var comment = finding.Location is { } location && commentsByPath.TryGetValue(location.Path, out var comments)
                ? comments.FirstOrDefault(c => c.IsValid
                    && (c.Location.Line == location.Line || c.Location.Line == location.Line - 1)
                    && c.RuleIds.Contains(finding.RuleId, StringComparer.OrdinalIgnoreCase))
                : null;
            if (comment is null)
                result.Add(finding);
            else if (comment.Until is { } until && until < today)
            {
                expiredUsed.Add(comment);
                result.Add(finding);
            }
            else
                result.Add(finding with { Suppression = new Suppression(comment.Reason, comment.Until, comment.Location) });
        }

        foreach (var comment in commentsByPath.Values.SelectMany(c => c))
        {
            if (!comment.IsValid)
                result.Add(SG003InvalidSuppression.Create(
                    $"Suppression of {string.Join(", ", comment.RuleIds.DefaultIfEmpty("(no rule)"))} is ignored: {comment.Problem}.",
                    comment.Location));
            else if (comment.RuleIds.FirstOrDefault(id => !knownRuleIds.Contains(id)) is { } unknown)
                result.Add(SG003InvalidSuppression.Create(
                    $"Suppression names unknown rule {unknown}; run 'security-gate rules' for the list.", comment.Location));
            else if (expiredUsed.Contains(comment))
                result.Add(SG004ExpiredSuppression.Create(
                    $"Suppression of {string.Join(", ", comment.RuleIds)} expired on {comment.Until:yyyy-MM-dd}; the finding is reported again.",
                    comment.Location));
        }
        return result;
    }
}
