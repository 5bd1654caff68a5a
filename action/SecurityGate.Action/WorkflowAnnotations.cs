using SecurityGate.Findings;
using SecurityGate.Gate;

namespace SecurityGate.Action;

/// <summary>
/// <c>::error</c>/<c>::warning</c>/<c>::notice</c> lines. The runner keeps 10 per level per step, so the most important
/// 10 of each level are printed (blocking first, then by the gate's order) and the rest are counted.
/// </summary>
public static class WorkflowAnnotations
{
    /// <summary>Prints the annotations and returns how many active findings were not shown inline.</summary>
    public static int Write(ActionLog log, GateResult result, ReportView view)
    {
        var active = result.Active.ToList();
        var shown = active
            .Select((finding, index) => (finding, index))
            .GroupBy(p => Level(p.finding.Severity))
            .SelectMany(g => g.OrderByDescending(p => p.finding.Blocking).ThenBy(p => p.index)
                .Take(GitHubLimits.WorkflowAnnotationsPerLevel))
            .OrderBy(p => p.index)
            .Select(p => p.finding)
            .ToList();
        foreach (var finding in shown)
            log.Command(Level(finding.Severity), Properties(finding, view), Message(finding));
        var hidden = active.Count - shown.Count;
        if (hidden > 0)
            log.Info($"{hidden} more finding(s) not shown as inline annotations: GitHub keeps {GitHubLimits.WorkflowAnnotationsPerLevel} " +
                     "per level per step. The check run, the step summary and the JSON/SARIF reports list all of them.");
        return hidden;
    }

    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };

    private static string Message(Finding finding)
    {
        var message = (finding.Blocking ? "[blocking] " : "") + finding.Message +
                      (finding.Location is null ? $" ({finding.Target})" : "");
        return message.Length > GitHubLimits.WorkflowAnnotationMessageMaxChars
            ? message[..(GitHubLimits.WorkflowAnnotationMessageMaxChars - 1)] + "…"
            : message;
    }

    private static List<(string, string)> Properties(Finding finding, ReportView view)
    {
        var properties = new List<(string, string)>();
        if (finding.Location is { } l)
        {
            properties.Add(("file", view.RepoPath(l)));
            properties.Add(("line", l.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            properties.Add(("endLine", l.EndLine.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            // Columns only on single-line ranges (the runner drops them otherwise, as does the Checks API).
            if (l.EndLine == l.Line)
            {
                properties.Add(("col", l.Column.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                properties.Add(("endColumn", Math.Max(l.Column, l.EndColumn).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        properties.Add(("title", ReportView.Title(finding)));
        return properties;
    }
}
