using System.Globalization;
using System.Text.RegularExpressions;

namespace SecurityGate.Tests.Reference.Django;

/// <summary>
/// What Django's <c>check</c> command printed, reduced to the check ids.
/// </summary>
/// <param name="CheckIds">Ids in the order Django printed them (grouped by level: errors before warnings). An id
/// can appear more than once (e.g. one <c>security.W025</c> per bad <c>SECRET_KEY_FALLBACKS</c> entry).</param>
/// <param name="ReportedIssueCount">N from "System check identified N issues (M silenced)."; null when the
/// summary line is missing (the command crashed, e.g. the settings module could not be imported).</param>
/// <param name="SilencedCount">M from the same line.</param>
/// <param name="Problem">Why the output cannot be trusted, or null.</param>
public sealed record DjangoCheckOutput(
    IReadOnlyList<string> CheckIds,
    int? ReportedIssueCount,
    int? SilencedCount,
    string? Problem)
{
    // A message line is "<obj>: (<id>) <text>", e.g. "?: (security.W004) You have not set ..." or
    // "auth.User.groups: (fields.E304) ...". Ids are "<tag>.<level letter><digits>" (security.W004,
    // async.E001, 4_0.E001, caches.W002). Continuation lines (HINT, wrapped text) start with whitespace.
    private static readonly Regex MessageLine = new(
        @"^(?<obj>\S[^\r\n]*?): \((?<id>[A-Za-z0-9_]+\.[A-Z]+\d+)\) ",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    // "System check identified no issues (0 silenced)." / "... 1 issue (0 silenced)." / "... 7 issues (1 silenced)."
    private static readonly Regex Summary = new(
        @"^System check identified (?:(?<none>no issues)|(?<n>\d+) issues?) \((?<silenced>\d+) silenced\)\.\s*$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    public static DjangoCheckOutput Parse(string stdout, string stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        // Django writes the report to stderr when there are issues and "no issues" to stdout; look at both,
        // stderr first, and normalise line endings.
        var text = (stderr + "\n" + stdout).Replace("\r\n", "\n", StringComparison.Ordinal);

        var ids = MessageLine.Matches(text).Select(m => m.Groups["id"].Value).ToList();

        var summaries = Summary.Matches(text);
        if (summaries.Count == 0)
        {
            return new DjangoCheckOutput(ids, null, null,
                "no 'System check identified …' summary line in the output (the command did not complete)");
        }

        if (summaries.Count > 1)
        {
            return new DjangoCheckOutput(ids, null, null,
                $"{summaries.Count} summary lines in the output; expected exactly one");
        }

        var s = summaries[0];
        var count = s.Groups["none"].Success ? 0 : int.Parse(s.Groups["n"].Value, CultureInfo.InvariantCulture);
        var silenced = int.Parse(s.Groups["silenced"].Value, CultureInfo.InvariantCulture);
        var problem = count == ids.Count
            ? null
            : $"Django reported {count} issue(s) but {ids.Count} message line(s) were parsed ({string.Join(", ", ids)})";
        return new DjangoCheckOutput(ids, count, silenced, problem);
    }
}

/// <summary>One run of Django's real <c>check --deploy</c> on one settings module.</summary>
public sealed record DjangoCheckResult(
    DjangoVersion Version,
    string DjangoVersionString,
    string SettingsModule,
    string SettingsDirectory,
    int ExitCode,
    bool TimedOut,
    DjangoCheckOutput Output,
    string Stdout,
    string Stderr,
    TimeSpan Elapsed)
{
    /// <summary>Ids in printed order, duplicates kept.</summary>
    public IReadOnlyList<string> CheckIds => Output.CheckIds;

    /// <summary>Distinct ids, ordinal-sorted (handy for set comparisons and readable assertion messages).</summary>
    public IReadOnlySet<string> CheckIdSet => new SortedSet<string>(Output.CheckIds, StringComparer.Ordinal);

    /// <summary>The command ran to its summary line, the parsed ids agree with Django's own count, and the
    /// exit status is what Django uses for that outcome (0, or 1 when a message at ERROR level or above
    /// was printed).</summary>
    public bool Completed => !TimedOut && Output.Problem is null && Output.ReportedIssueCount is not null
        && (ExitCode == 0 || (ExitCode == 1 && Stderr.Contains("SystemCheckError:", StringComparison.Ordinal)));

    /// <summary>
    /// Null when <see cref="Completed"/>; otherwise a one-line outcome: "timed out", or the last line of the
    /// traceback (e.g. "django.core.exceptions.ImproperlyConfigured: The SECRET_KEY setting must not be empty."
    /// - Django 3.2 with the admin installed reads SECRET_KEY while loading apps, so the command dies before
    /// any check runs). This is real Django behaviour and a legitimate reference outcome.
    /// </summary>
    public string? Crash => Completed
        ? null
        : TimedOut
            ? "timed out"
            : Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
              ?? $"exit code {ExitCode} with no output";

    /// <summary>Completed: the ids joined by spaces; otherwise "CRASH: " + <see cref="Crash"/>.</summary>
    public string Outcome => Completed ? string.Join(" ", CheckIds) : "CRASH: " + Crash;

    /// <summary>Throws with the full output when the run did not complete (crash, timeout, unparsable output).</summary>
    public DjangoCheckResult EnsureCompleted()
    {
        if (Completed)
        {
            return this;
        }

        var why = TimedOut ? "timed out" : Output.Problem ?? $"exit code {ExitCode}";
        throw new InvalidOperationException(
            $"Django {DjangoVersionString} `check --deploy --settings={SettingsModule}` in {SettingsDirectory} did not complete: {why}.\n" +
            $"--- exit code: {ExitCode}\n--- stdout:\n{Stdout}\n--- stderr:\n{Stderr}");
    }

    public override string ToString() =>
        $"Django {DjangoVersionString} {SettingsModule}: exit {ExitCode}, [{string.Join(", ", CheckIds)}]";
}

/// <summary>One settings module for <see cref="DjangoReference.RunCheckDeployBatch"/>.</summary>
/// <param name="SettingsDirectory">The directory that goes on sys.path (the project root).</param>
/// <param name="SettingsModule">Dotted module name, e.g. <c>mysite.settings.production</c>.</param>
/// <param name="Environment">Extra environment variables the settings module reads (on top of the clean base).</param>
public sealed record DjangoCheckJob(
    string SettingsDirectory,
    string SettingsModule,
    IReadOnlyDictionary<string, string>? Environment = null);
