using Octokit;
using SecurityGate.Gate;
using SecurityGate.Reports;

namespace SecurityGate.Action;

/// <summary>
/// One comment per check name on the PR, found by its hidden marker AND its author (anyone can paste a marker),
/// updated in place. Pages through all comments, 100 at a time.
/// <para>
/// On push / workflow_dispatch / schedule runs on a branch, the comment goes to every open pull request of this
/// repository whose head is the judged commit: where the check run on that commit shows.
/// </para>
/// <para>
/// Concurrent runs can each create "the" comment. Whenever a search finds several of ours, the oldest is kept and
/// written, the newer ones are deleted; a run that has just created one searches once more, so the run that creates
/// last always sees both and the PR converges to one comment.
/// </para>
/// </summary>
public sealed class PullRequestCommentReporter(IGitHubClient client, ReportView view, CommentMode mode, ActionLog log)
{
    public const string Channel = "PR comment";

    public async Task<ChannelOutcome> ReportAsync(GateResult result)
    {
        var context = view.Context;
        if (context.PullRequestNumber is null && !context.MayBePullRequestHead)
            return ChannelOutcome.Skipped(Channel, $"no pull request for a {context.EventName} event");
        if (mode == CommentMode.Never)
            return ChannelOutcome.Skipped(Channel, "input comment is 'never'");

        IReadOnlyList<int> numbers;
        if (context.PullRequestNumber is { } number)
        {
            numbers = [number];
        }
        else
        {
            try
            {
                numbers = await OpenPullRequestsWithHeadAsync();
            }
            catch (Exception e) when (e is ApiException or HttpRequestException or TimeoutException or TaskCanceledException)
            {
                var line = $"PR comment skipped: the pull requests of commit {context.HeadSha} could not be listed " +
                           $"({GitHubErrors.Describe(e)}); the job needs 'permissions: pull-requests: write' to find and comment " +
                           "on them. The verdict is unaffected.";
                log.Info(line);
                return ChannelOutcome.Skipped(Channel, MarkdownText.Escape(
                    $"the pull requests of the commit could not be listed ({GitHubErrors.Describe(e)})"));
            }
            if (numbers.Count == 0)
            {
                log.Info($"PR comment: commit {context.HeadSha} is not the head of an open pull request of {context.Repository}; none posted.");
                return ChannelOutcome.Skipped(Channel, MarkdownText.Escape($"commit {context.HeadSha} is not the head of an open pull request"));
            }
            log.Info($"PR comment: commit {context.HeadSha} is the head of {string.Join(", ", numbers.Select(n => $"#{n}"))}.");
        }

        var author = await OwnLoginAsync();
        var posted = false;
        foreach (var pr in numbers)
            posted |= await ReportOnAsync(pr, author, result);
        return posted ? ChannelOutcome.Ok(Channel) : ChannelOutcome.Skipped(Channel, "passing and input comment is 'on-failure'");
    }

    /// <summary>
    /// Open PRs of this repository (not forks: a push here cannot be a fork's head) whose head is exactly the judged
    /// commit. The endpoint also lists merged/closed PRs and PRs that merely contain the commit in their history.
    /// </summary>
    private async Task<IReadOnlyList<int>> OpenPullRequestsWithHeadAsync()
    {
        var context = view.Context;
        var pulls = await client.Repository.Commit.PullRequests(context.Owner, context.Name, context.HeadSha,
            new ApiOptions { PageSize = GitHubLimits.MaxPageSize });
        return
        [
            .. pulls
                .Where(p => p.State.Value == ItemState.Open
                            && string.Equals(p.Head?.Sha, context.HeadSha, StringComparison.OrdinalIgnoreCase)
                            && string.Equals(p.Head?.Repository?.FullName, context.Repository, StringComparison.OrdinalIgnoreCase))
                .Select(p => p.Number)
                .Distinct()
                .Order(),
        ];
    }

    /// <summary>Creates or updates our comment on one PR; false when nothing was posted (passing, 'on-failure', none yet).</summary>
    private async Task<bool> ReportOnAsync(int number, string author, GateResult result)
    {
        var context = view.Context;
        var existing = await FindAsync(number, author);
        if (existing.Count == 0 && mode == CommentMode.OnFailure && result.Verdict == Verdict.Pass)
        {
            log.Info($"PR comment: none posted on #{number} (passing, input comment is 'on-failure').");
            return false;
        }

        var previous = existing.Count == 0 ? null : PullRequestComment.ParseState(existing[0].Body ?? "");
        var body = PullRequestComment.Render(result, view, previous);
        if (existing.Count > 0)
        {
            await KeepOldestAsync(number, existing, body, written: null);
            return true;
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
            if (again.Count > 0)
            {
                await KeepOldestAsync(number, again, body, written: null);
                return true;
            }
            created = await client.Issue.Comment.Create(context.Owner, context.Name, number, body);
        }
        log.Info($"PR comment {created.Id} on #{number} created.");

        // A concurrent run may have created one between our search and our create.
        var after = await FindAsync(number, author);
        if (after.Count > 1)
            await KeepOldestAsync(number, after, body, written: created.Id);
        return true;
    }

    /// <summary>
    /// Writes <paramref name="body"/> to the oldest of our comments (unless it is <paramref name="written"/>, which has it
    /// already) and deletes the newer ones. A failed delete is one log line; the comment stays and the next run retries.
    /// </summary>
    private async Task KeepOldestAsync(int number, IReadOnlyList<IssueComment> ours, string body, long? written)
    {
        var context = view.Context;
        var keep = ours[0];
        if (keep.Id != written)
        {
            await client.Issue.Comment.Update(context.Owner, context.Name, keep.Id, body);
            log.Info($"PR comment {keep.Id} on #{number} updated.");
        }
        if (ours.Count == 1)
            return;

        var removed = 0;
        foreach (var duplicate in ours.Skip(1))
        {
            try
            {
                await client.Issue.Comment.Delete(context.Owner, context.Name, duplicate.Id);
                removed++;
            }
            catch (NotFoundException)
            {
                removed++; // a concurrent run deleted it first
            }
            catch (Exception e) when (e is ApiException or HttpRequestException or TimeoutException or TaskCanceledException)
            {
                log.Info($"PR comment: deleting duplicate comment {duplicate.Id} on #{number} failed ({GitHubErrors.Describe(e)}); it stays.");
            }
        }
        log.Info($"PR comment: {removed} of {ours.Count - 1} duplicate comment(s) on #{number} removed (concurrent runs); kept {keep.Id}, the oldest.");
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

    /// <summary>Our comments for this check name (marker at the start AND our author), oldest first.</summary>
    private async Task<IReadOnlyList<IssueComment>> FindAsync(int number, string author)
    {
        var context = view.Context;
        var marker = PullRequestComment.Marker(view.CheckName);
        var comments = await client.Issue.Comment.GetAllForIssue(context.Owner, context.Name, number,
            new ApiOptions { PageSize = GitHubLimits.MaxPageSize });
        return
        [
            .. comments
                .Where(c => c.Body is not null && c.Body.StartsWith(marker, StringComparison.Ordinal)
                            && string.Equals(c.User?.Login, author, StringComparison.OrdinalIgnoreCase))
                .OrderBy(c => c.Id),
        ];
    }
}
