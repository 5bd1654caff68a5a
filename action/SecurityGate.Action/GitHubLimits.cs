namespace SecurityGate.Action;

/// <summary>GitHub's limits, each with where it is documented (see /work/shared/reference/github-actions.md).</summary>
public static class GitHubLimits
{
    /// <summary>The runner keeps at most 10 annotations of each type per step (actions/runner ExecutionContext._maxCountPerIssueType; REST check-runs docs).</summary>
    public const int WorkflowAnnotationsPerLevel = 10;

    /// <summary>Check runs accept at most 50 annotations per create/update request; updates append (REST check runs docs).</summary>
    public const int CheckRunAnnotationsPerRequest = 50;

    /// <summary>Check run <c>output.summary</c> and <c>output.text</c>: max 65,535 characters each (REST check runs docs).</summary>
    public const int CheckRunSummaryMaxChars = 65_535;

    /// <summary>Check run annotation <c>title</c>: max 255 characters (REST check runs docs).</summary>
    public const int CheckRunAnnotationTitleMaxChars = 255;

    /// <summary>Check run annotation <c>message</c>: max 64 KB (REST check runs docs); kept well under in UTF-8 terms.</summary>
    public const int CheckRunAnnotationMessageMaxChars = 16_000;

    /// <summary>Issue/PR comment body: max 65,536 characters; more is a 422 "Body is too long" (REST issue comments).</summary>
    public const int CommentBodyMaxChars = 65_536;

    /// <summary>$GITHUB_STEP_SUMMARY: at most 1 MiB per step, else the upload is skipped (workflow commands docs; runner AttachmentSizeLimit).</summary>
    public const int StepSummaryMaxBytes = 1024 * 1024;

    /// <summary>Workflow-command annotation messages are truncated by the runner at 4096 characters (runner ExecutionContext._maxIssueMessageLength).</summary>
    public const int WorkflowAnnotationMessageMaxChars = 4096;

    /// <summary>List endpoints return at most 100 items per page (REST pagination, per_page max 100).</summary>
    public const int MaxPageSize = 100;

    /// <summary>The REST author login of comments made with GITHUB_TOKEN (GET /user is 403 for installation tokens).</summary>
    public const string ActionsBotLogin = "github-actions[bot]";
}
