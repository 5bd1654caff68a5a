using System.Text;
using SecurityGate.Configuration;
using SecurityGate.Findings;
using SecurityGate.Gate;

namespace SecurityGate.Reports;

/// <summary>
/// The console report: findings grouped by file, one line each as <c>path:line:col  SEVERITY  RULE  message</c>,
/// then one verdict line. Colour only when asked (the CLI asks on a TTY without NO_COLOR).
/// </summary>
public static class TextReport
{
    private const string Reset = "\u001b[0m";
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Cyan = "\u001b[36m";
    private const string Dim = "\u001b[2m";
    private const string Bold = "\u001b[1m";
    private const string Green = "\u001b[32m";

    public static string Render(GateResult result, bool useColor)
    {
        var text = new StringBuilder();
        string Paint(string s, string colour) => useColor ? colour + s + Reset : s;

        string? currentGroup = null;
        foreach (var finding in result.Active)
        {
            var group = finding.Location?.Path ?? finding.Target;
            if (currentGroup is not null && group != currentGroup)
                text.Append('\n');
            currentGroup = group;

            var where = finding.Location is { } l ? $"{l.Path}:{l.Line}:{l.Column}" : finding.Target;
            var severity = finding.Severity.ToName().ToUpperInvariant().PadRight(7);
            var colour = finding.Severity switch
            {
                Severity.Error => Red,
                Severity.Warning => Yellow,
                _ => Cyan,
            };
            text.Append(Sanitize(where)).Append("  ")
                .Append(Paint(severity, colour)).Append("  ")
                .Append(finding.RuleId.PadRight(6)).Append("  ")
                .Append(Sanitize(finding.Message))
                .Append(finding.Blocking ? Paint("  [blocking]", Bold) : "")
                .Append('\n');
        }

        var suppressed = result.Suppressed.ToList();
        if (suppressed.Count > 0)
        {
            text.Append(result.Active.Any() ? "\n" : "");
            foreach (var finding in suppressed)
            {
                var where = finding.Location is { } l ? $"{l.Path}:{l.Line}:{l.Column}" : finding.Target;
                text.Append(Paint($"{Sanitize(where)}  SUPPRESSED  {finding.RuleId}  {Sanitize(finding.Message)} " +
                                  $"(reason: {Sanitize(finding.Suppression!.Reason)})", Dim)).Append('\n');
            }
        }

        foreach (var site in result.Sites)
            text.Append($"\nsite {Sanitize(site.Url)}: " + (site.Observatory is { } o
                ? $"Observatory grade {o.Grade} (score {o.Score})"
                : site.Reachable ? "no grade" : "unreachable"));
        if (result.Sites.Length > 0)
            text.Append('\n');

        foreach (var project in result.DjangoProjects)
            text.Append($"\ndjango {Sanitize(project.SettingsModule)}: judged as Django {project.DjangoVersion} " +
                        $"({Sanitize(project.VersionSource)}); chosen because {Sanitize(project.ChosenBecause)}" +
                        (project.ConfigurationClass is null ? "" : $"; configuration class {Sanitize(project.ConfigurationClass)} " +
                            $"chosen because {Sanitize(project.ConfigurationChosenBecause ?? "")}"));
        if (result.DjangoProjects.Length > 0)
            text.Append('\n');

        if (text.Length > 0)
            text.Append('\n');
        text.Append(VerdictLine(result, useColor)).Append('\n');
        return text.ToString();
    }

    public static string VerdictLine(GateResult result, bool useColor = false)
    {
        var counts = $"{Plural(result.CountActive(Severity.Error), "error")}, {Plural(result.CountActive(Severity.Warning), "warning")}, " +
                     $"{Plural(result.CountActive(Severity.Note), "note")}, {result.Suppressed.Count()} suppressed; fail-on: {result.FailOn.ToName()}";
        var line = result.Verdict == Verdict.Fail
            ? $"FAIL: {result.BlockingCount} blocking finding{(result.BlockingCount == 1 ? "" : "s")} ({counts})"
            : $"PASS: no blocking findings ({counts})";
        if (!useColor)
            return line;
        return (result.Verdict == Verdict.Fail ? Red : Green) + Bold + line + Reset;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>Repository text must not drive the terminal: control characters (escape sequences) become '?'.</summary>
    public static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(char.IsControl(c) ? '?' : c);
        return builder.ToString();
    }
}
