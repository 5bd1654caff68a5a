using System.Security.Cryptography;
using Octokit;
using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Reports;

namespace SecurityGate.Action;

/// <summary>
/// A check run on the judged commit, named by input check-name, with every annotation: the first 50 go with the
/// create request, the rest in updates of 50 (GitHub appends them), the last request carries the conclusion.
/// </summary>
public sealed class CheckRunReporter(IGitHubClient client, ReportView view, ActionLog log)
{
    public const string Channel = "check run";

    public async Task<ChannelOutcome> ReportAsync(GateResult result)
    {
        var context = view.Context;
        var annotations = result.Active.Where(f => f.Location is not null).Select(Annotation).ToList();
        var batches = annotations.Chunk(GitHubLimits.CheckRunAnnotationsPerRequest).ToList();
        if (batches.Count == 0)
            batches.Add([]);
        var title = Title(result);
        var summary = Summary(result);
        var conclusion = result.Verdict == Verdict.Fail ? CheckConclusion.Failure : CheckConclusion.Success;

        // external_id lets a failed create be recognised if GitHub did create it after all.
        var externalId = $"security-gate-{context.RunId ?? "local"}-{context.RunAttempt}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        var create = new NewCheckRun(view.CheckName, context.HeadSha)
        {
            ExternalId = externalId,
            DetailsUrl = context.RunUrl,
            Output = new NewCheckRunOutput(title, summary) { Annotations = batches[0] },
        };
        if (batches.Count == 1)
        {
            create.Status = CheckStatus.Completed;
            create.Conclusion = conclusion;
            create.CompletedAt = DateTimeOffset.UtcNow;
        }
        else
        {
            create.Status = CheckStatus.InProgress;
        }

        var run = await CreateOnceAsync(create);
        for (var i = 1; i < batches.Count; i++)
        {
            var update = new CheckRunUpdate { Output = new NewCheckRunOutput(title, summary) { Annotations = batches[i] } };
            if (i == batches.Count - 1)
            {
                update.Status = CheckStatus.Completed;
                update.Conclusion = conclusion;
                update.CompletedAt = DateTimeOffset.UtcNow;
            }
            await client.Check.Run.Update(context.Owner, context.Name, run.Id, update);
        }
        log.Info($"check run '{view.CheckName}' on {context.HeadSha}: {(result.Verdict == Verdict.Fail ? "failure" : "success")}, " +
                 $"{annotations.Count} annotation(s) in {batches.Count} request(s).");
        return ChannelOutcome.Ok(Channel);
    }

    /// <summary>Create; if that fails for a reason other than permissions, look for our run (by external_id) before trying again.</summary>
    private async Task<CheckRun> CreateOnceAsync(NewCheckRun create)
    {
        var context = view.Context;
        try
        {
            return await client.Check.Run.Create(context.Owner, context.Name, create);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException && !GitHubErrors.IsPermissionDenied(e) && e is not ApiValidationException)
        {
            log.Info($"creating the check run failed ({GitHubErrors.Describe(e)}); checking whether it exists before retrying.");
            var existing = await client.Check.Run.GetAllForReference(context.Owner, context.Name, context.HeadSha,
                new CheckRunRequest { CheckName = view.CheckName, Filter = CheckRunCompletedAtFilter.All },
                new ApiOptions { PageSize = GitHubLimits.MaxPageSize });
            return existing.CheckRuns.FirstOrDefault(r => r.ExternalId == create.ExternalId)
                   ?? await client.Check.Run.Create(context.Owner, context.Name, create);
        }
    }

    public static string Title(GateResult result) =>
        (result.Verdict == Verdict.Fail ? "Blocked: " : "Passed: ") + ReportView.CountsLine(result);

    private string Summary(GateResult result)
    {
        var summary = MarkdownReport.Render(result, new MarkdownOptions
        {
            Link = view.BlobLink,
            MaxLength = GitHubLimits.CheckRunSummaryMaxChars - 300,
        });
        if (view.Context.RunUrl is { } runUrl)
            summary += $"\n[Workflow run]({runUrl})\n";
        return summary.Length <= GitHubLimits.CheckRunSummaryMaxChars ? summary : summary[..(GitHubLimits.CheckRunSummaryMaxChars - 1)] + "…";
    }

    private NewCheckRunAnnotation Annotation(Finding finding)
    {
        var l = finding.Location!;
        var level = finding.Severity switch
        {
            Severity.Error => CheckAnnotationLevel.Failure,
            Severity.Warning => CheckAnnotationLevel.Warning,
            _ => CheckAnnotationLevel.Notice,
        };
        var message = (finding.Blocking ? "[blocking] " : "") + finding.Message;
        var annotation = new NewCheckRunAnnotation(view.RepoPath(l), l.Line, Math.Max(l.Line, l.EndLine), level,
            Truncate(message, GitHubLimits.CheckRunAnnotationMessageMaxChars))
        {
            Title = Truncate(ReportView.Title(finding), GitHubLimits.CheckRunAnnotationTitleMaxChars),
        };
        // Columns only on single-line ranges (REST check runs docs).
        if (l.EndLine == l.Line)
        {
            annotation.StartColumn = l.Column;
            annotation.EndColumn = Math.Max(l.Column, l.EndColumn);
        }
        return annotation;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
