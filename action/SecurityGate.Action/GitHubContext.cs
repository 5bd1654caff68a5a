using System.Text.Json;
using SecurityGate.Configuration;

namespace SecurityGate.Action;

/// <summary>
/// What GitHub Actions tells the step about its run, read once from GITHUB_* variables and the event payload.
/// Reporters get this object; none of them reads the environment.
/// </summary>
public sealed record GitHubContext
{
    public required string Repository { get; init; }
    public string Owner => Repository[..Repository.IndexOf('/')];
    public string Name => Repository[(Repository.IndexOf('/') + 1)..];
    public required string EventName { get; init; }

    /// <summary>The PR number on pull_request / pull_request_target events; null otherwise.</summary>
    public int? PullRequestNumber { get; init; }

    /// <summary>The commit judged: <c>pull_request.head.sha</c> on PR events (GITHUB_SHA is the test merge commit there).</summary>
    public required string HeadSha { get; init; }

    public string? BaseSha { get; init; }

    /// <summary>GITHUB_REF: <c>refs/heads/&lt;branch&gt;</c> on branch pushes, <c>refs/tags/…</c>, <c>refs/pull/N/merge</c>, …</summary>
    public string? Ref { get; init; }

    /// <summary>The PR comes from another repository (or its head repository is gone): the token is read-only.</summary>
    public bool IsFork { get; init; }

    public required string ServerUrl { get; init; }
    public required string ApiUrl { get; init; }
    public string? Token { get; init; }
    public string? RunId { get; init; }
    public string RunAttempt { get; init; } = "1";
    public required string Workspace { get; init; }
    public string? StepSummaryPath { get; init; }
    public string? OutputPath { get; init; }

    public string? RunUrl => RunId is null ? null : $"{ServerUrl}/{Repository}/actions/runs/{RunId}";

    public bool IsPullRequestEvent => EventName is "pull_request" or "pull_request_target";

    /// <summary>
    /// A run on a branch that is not a PR event (push, workflow_dispatch, schedule): its commit may be the head of an open
    /// pull request, which is then looked up (GET /repos/{owner}/{repo}/commits/{sha}/pulls) to post the comment there.
    /// </summary>
    public bool MayBePullRequestHead => PullRequestNumber is null
                                        && EventName is "push" or "workflow_dispatch" or "schedule"
                                        && Ref is { } r && r.StartsWith("refs/heads/", StringComparison.Ordinal);

    /// <summary>Reads the context. <paramref name="tokenInput"/> (input github-token) wins over GITHUB_TOKEN.</summary>
    public static GitHubContext Read(IReadOnlyDictionary<string, string> environment, string workingDirectory, string? tokenInput)
    {
        string? Get(string name) => environment.TryGetValue(name, out var v) && v.Trim().Length > 0 ? v.Trim() : null;
        string Require(string name) => Get(name) ?? throw new ConfigurationException(
            $"environment variable {name} is not set; 'security-gate action' runs inside a GitHub Actions job.");

        var repository = Require("GITHUB_REPOSITORY");
        if (repository.Count(c => c == '/') != 1 || repository.StartsWith('/') || repository.EndsWith('/'))
            throw new ConfigurationException($"environment variable GITHUB_REPOSITORY: expected 'owner/name', got '{repository}'.");
        var eventName = Require("GITHUB_EVENT_NAME");
        var serverUrl = (Get("GITHUB_SERVER_URL") ?? "https://github.com").TrimEnd('/');
        var apiUrl = (Get("GITHUB_API_URL") ?? "https://api.github.com").TrimEnd('/');
        foreach (var (name, value) in new[] { ("GITHUB_SERVER_URL", serverUrl), ("GITHUB_API_URL", apiUrl) })
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                throw new ConfigurationException($"environment variable {name}: '{value}' is not an http(s) URL.");

        var context = new GitHubContext
        {
            Repository = repository,
            EventName = eventName,
            HeadSha = Get("GITHUB_SHA") ?? "",
            Ref = Get("GITHUB_REF"),
            ServerUrl = serverUrl,
            ApiUrl = apiUrl,
            Token = tokenInput ?? Get("GITHUB_TOKEN"),
            RunId = Get("GITHUB_RUN_ID"),
            RunAttempt = Get("GITHUB_RUN_ATTEMPT") ?? "1",
            Workspace = Path.GetFullPath(Get("GITHUB_WORKSPACE") ?? workingDirectory, workingDirectory),
            StepSummaryPath = Get("GITHUB_STEP_SUMMARY"),
            OutputPath = Get("GITHUB_OUTPUT"),
        };

        if (context.IsPullRequestEvent)
            context = WithPullRequest(context, Require("GITHUB_EVENT_PATH"));
        if (context.HeadSha.Length == 0)
            throw new ConfigurationException("environment variable GITHUB_SHA is not set and the event names no head commit.");
        return context;
    }

    private static GitHubContext WithPullRequest(GitHubContext context, string eventPath)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(eventPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new ConfigurationException($"GITHUB_EVENT_PATH {eventPath}: cannot read the event payload: {e.Message}");
        }
        using (document)
        {
            if (!document.RootElement.TryGetProperty("pull_request", out var pr) || pr.ValueKind != JsonValueKind.Object)
                throw new ConfigurationException($"GITHUB_EVENT_PATH {eventPath}: a {context.EventName} event without 'pull_request'.");
            var head = pr.GetProperty("head");
            var baseRef = pr.GetProperty("base");
            var headRepo = head.TryGetProperty("repo", out var hr) && hr.ValueKind == JsonValueKind.Object ? hr : (JsonElement?)null;
            var baseRepoName = baseRef.TryGetProperty("repo", out var br) && br.ValueKind == JsonValueKind.Object
                ? String(br, "full_name") : null;
            var headRepoName = headRepo is { } h ? String(h, "full_name") : null;
            // A deleted fork has head.repo = null: treat it as a fork (read-only token).
            var isFork = headRepo is null
                         || !string.Equals(headRepoName, baseRepoName, StringComparison.OrdinalIgnoreCase)
                         || (headRepo.Value.TryGetProperty("fork", out var f) && f.ValueKind == JsonValueKind.True);
            var number = pr.TryGetProperty("number", out var n) && n.TryGetInt32(out var pn) ? pn
                : document.RootElement.TryGetProperty("number", out var rn) && rn.TryGetInt32(out var rpn) ? rpn
                : throw new ConfigurationException($"GITHUB_EVENT_PATH {eventPath}: the pull request has no number.");
            return context with
            {
                PullRequestNumber = number,
                HeadSha = String(head, "sha") ?? throw new ConfigurationException($"GITHUB_EVENT_PATH {eventPath}: pull_request.head.sha is missing."),
                BaseSha = String(baseRef, "sha"),
                IsFork = isFork,
            };
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
