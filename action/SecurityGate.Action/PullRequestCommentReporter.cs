using Octokit;
using SecurityGate.Gate;

namespace SecurityGate.Action;

/// <summary>
/// One comment per check name on the PR, found by its hidden marker AND its author (anyone can paste a marker),
/// updated in place. Pages through all comments, 100 at a time.
/// </summary>
public sealed class PullRequestCommentReporter(IGitHubClient client, ReportView view, CommentMode mode, ActionLog log)
{
    public const string Channel = "PR comment";

    public async Task<ChannelOutcome> ReportAsync(GateResult result)
    {
        var context = view.Context;
        if (context.PullRequestNumber is not { } number)
            return ChannelOutcome.Skipped(Channel, $"no pull request for a {context.EventName} event");
        if (mode == CommentMode.Never)
            return ChannelOutcome.Skipped(Channel, "input comment is 'never'");

        var author = await OwnLoginAsync();
        var existing = await FindAsync(number, author);
        if (existing is null && mode == CommentMode.OnFailure && result.Verdict == Verdict.Pass)
        {
            log.Info("PR comment: none posted (passing, input comment is 'on-failure').");
            return ChannelOutcome.Skipped(Channel, "passing and input comment is 'on-failure'");
        }

        var previous = existing is null ? null : PullRequestComment.ParseState(existing.Body ?? "");
        var body = PullRequestComment.Render(result, view, previous);
        if (existing is not null)
        {
            await client.Issue.Comment.Update(context.Owner, context.Name, existing.Id, body);
            log.Info($"PR comment {existing.Id} on #{number} updated.");
            return ChannelOutcome.Ok(Channel);
        }

        IssueComment created;
        try
        {
            created = await client.Issue.Comment.Create(context.Owner, context.Name, number, body);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException && !GitHubErrors.IsPermissionDenied(e) && e is not ApiValidationException)
        {
            // The create may have happened even though the answer was lost: look again before creating again.
            log.Info($"creating the PR comment failed ({GitHubErrors.Describe(e)}); looking for it before retrying.");
            var again = await FindAsync(number, author);
            if (again is not null)
            {
                await client.Issue.Comment.Update(context.Owner, context.Name, again.Id, body);
                log.Info($"PR comment {again.Id} on #{number} updated.");
                return ChannelOutcome.Ok(Channel);
            }
            created = await client.Issue.Comment.Create(context.Owner, context.Name, number, body);
        }
        log.Info($"PR comment {created.Id} on #{number} created.");
        return ChannelOutcome.Ok(Channel);
    }

    /// <summary>
    /// The login our comments carry: GET /user answers for user tokens; for GITHUB_TOKEN (an installation token) it is
    /// 403 and the author is github-actions[bot].
    /// </summary>
    private async Task<string> OwnLoginAsync()
    {
        try
        {
            var user = await client.User.Current();
            if (!string.IsNullOrEmpty(user.Login))
                return user.Login;
        }
        catch (ApiException)
        {
        }
        return GitHubLimits.ActionsBotLogin;
    }

    private async Task<IssueComment?> FindAsync(int number, string author)
    {
        var context = view.Context;
        var marker = PullRequestComment.Marker(view.CheckName);
        var comments = await client.Issue.Comment.GetAllForIssue(context.Owner, context.Name, number,
            new ApiOptions { PageSize = GitHubLimits.MaxPageSize });
        return comments
            .Where(c => c.Body is not null && c.Body.StartsWith(marker, StringComparison.Ordinal)
                        && string.Equals(c.User?.Login, author, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Id)
            .FirstOrDefault();
    }
}
