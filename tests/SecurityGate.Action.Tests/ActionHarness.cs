using System.Collections.Concurrent;
using System.Collections.Immutable;
using SecurityGate.Cli;
using SecurityGate.Configuration;
using SecurityGate.Findings;
using SecurityGate.Gate;

namespace SecurityGate.Action.Tests;

public sealed record ActionRun(int ExitCode, string Out, string Error);

/// <summary>
/// A GitHub Actions step, in-process: a workspace with a small repository, the runner's file-command files, an event
/// payload from Fixtures/events, and the GITHUB_* / INPUT_* variables the runner would set.
/// </summary>
public sealed class ActionHarness : IDisposable
{
    public const string Token = "ghs_TESTTOKEN0123456789abcdefSECRET";
    public const string PullRequestHead = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    public const string MergeSha = "e5bd3914e2e596debea16f433f57875b5b90bcd6";
    public const string PushSha = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";

    public static readonly string[] InputIds =
    [
        "fail-on", "path", "url", "config", "env-file", "min-grade", "timeout", "check-name", "comment", "json-report",
        "sarif-report", "headers", "github-token", "image", "image-port", "image-env-file", "image-health-path",
        "image-command", "image-network", "django-check-in-image",
    ];

    private readonly string _root = Directory.CreateTempSubdirectory("sg-action-").FullName;

    public string Workspace => Path.Combine(_root, "workspace");
    public string SummaryPath => Path.Combine(_root, "file_commands", "step_summary");
    public string OutputPath => Path.Combine(_root, "file_commands", "output");
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);
    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public ActionHarness(FakeGitHub fake, string eventName = "pull_request", string eventFixture = "pull_request.json")
    {
        Directory.CreateDirectory(Workspace);
        Directory.CreateDirectory(Path.GetDirectoryName(SummaryPath)!);
        File.WriteAllText(SummaryPath, "");
        File.WriteAllText(OutputPath, "");
        var eventPath = Path.Combine(_root, "workflow", "event.json");
        Directory.CreateDirectory(Path.GetDirectoryName(eventPath)!);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "events", eventFixture), eventPath);

        Environment["GITHUB_ACTIONS"] = "true";
        Environment["CI"] = "true";
        Environment["GITHUB_REPOSITORY"] = "octo-org/webapp";
        Environment["GITHUB_EVENT_NAME"] = eventName;
        Environment["GITHUB_EVENT_PATH"] = eventPath;
        Environment["GITHUB_SHA"] = eventName.StartsWith("pull_request", StringComparison.Ordinal) ? MergeSha : PushSha;
        Environment["GITHUB_REF"] = RefFor(eventName, eventPath);
        Environment["GITHUB_SERVER_URL"] = "https://github.example";
        Environment["GITHUB_API_URL"] = fake.ApiUrl;
        Environment["GITHUB_RUN_ID"] = "4242";
        Environment["GITHUB_RUN_ATTEMPT"] = "1";
        Environment["GITHUB_WORKSPACE"] = Workspace;
        Environment["GITHUB_STEP_SUMMARY"] = SummaryPath;
        Environment["GITHUB_OUTPUT"] = OutputPath;
        // The runner sets every declared input, empty when the workflow gives none.
        foreach (var id in InputIds)
            Environment[ActionInputs.VariableName(id)] = "";
        SetInput("github-token", Token);
        WriteFailingRepository();
    }

    /// <summary>GITHUB_REF as the runner sets it: refs/pull/N/merge on PR events, else the payload's ref (push, workflow_dispatch).</summary>
    private static string RefFor(string eventName, string eventPath)
    {
        using var payload = System.Text.Json.JsonDocument.Parse(File.ReadAllText(eventPath));
        var root = payload.RootElement;
        if (eventName.StartsWith("pull_request", StringComparison.Ordinal))
            return $"refs/pull/{root.GetProperty("number").GetInt32()}/merge";
        return root.TryGetProperty("ref", out var r) ? r.GetString() ?? "" : "refs/heads/main";
    }

    public void SetInput(string id, string value) => Environment[ActionInputs.VariableName(id)] = value;

    public void Write(string relative, string text)
    {
        var full = Path.Combine(Workspace, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void WriteFailingRepository() =>
        Write("app/settings.py", "DEBUG = True\nSECRET_KEY = \"django-insecure-abc\"\nALLOWED_HOSTS = [\"*\"]\n");

    public void WritePassingRepository() => Write("app/settings.py", "DEBUG = False\n");

    public string Summary => File.ReadAllText(SummaryPath);
    public string Outputs => File.ReadAllText(OutputPath);

    /// <summary>$GITHUB_OUTPUT as the runner reads it: name<<delimiter, the value's lines, delimiter.</summary>
    public static Dictionary<string, string> ParseOutputs(string text)
    {
        var outputs = new Dictionary<string, string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var open = lines[i].IndexOf("<<", StringComparison.Ordinal);
            if (open < 0)
                continue;
            var delimiter = lines[i][(open + 2)..];
            var end = Array.IndexOf(lines, delimiter, i + 1);
            outputs[lines[i][..open]] = string.Join('\n', lines[(i + 1)..end]);
            i = end;
        }
        return outputs;
    }

    public RetryPolicy FastRetries(TimeSpan? attemptTimeout = null, TimeSpan? budget = null) => new()
    {
        Delay = (delay, _) =>
        {
            Delays.Enqueue(delay);
            return Task.CompletedTask;
        },
        Jitter = () => 0.5,
        AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10),
        Budget = budget ?? TimeSpan.FromMinutes(3),
    };

    /// <summary>Through the real command line: <c>security-gate action</c>.</summary>
    public async Task<ActionRun> RunCliAsync()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var console = new CliConsole(stdout, stderr, Environment, Workspace, StdoutIsTerminal: false);
        var exit = await new CliApplication(console).RunAsync(["action"], CancellationToken.None);
        return new ActionRun(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The same runner with an injected retry policy (no real sleeping).</summary>
    public async Task<ActionRun> RunAsync(RetryPolicy? policy = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await new ActionRunner(AnalyzerCatalog.All(), policy ?? FastRetries())
            .RunAsync(new ActionEnvironment(stdout, stderr, Environment, Workspace), CancellationToken.None);
        return new ActionRun(exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Hand-made gate results for reporter tests.</summary>
public static class Sample
{
    public static Finding Finding(int i, Severity severity = Severity.Error, bool blocking = true, string? path = "app/settings.py",
        string? message = null, int endLine = 0) => new()
    {
        RuleId = $"DJ{(i % 900) + 1:000}",
        Title = $"Rule {i}",
        Severity = severity,
        Message = message ?? $"Finding number {i}.",
        Location = path is null ? null : new SourceLocation(path, i + 1, 3, endLine > 0 ? endLine : i + 1, 9),
        Target = path is null ? "url:https://staging.example/" : "file:" + path,
        Fingerprint = $"{i:x4}aabbccddeeff00112233445566778899"[..32],
        Blocking = blocking,
    };

    public static GateResult Of(params Finding[] findings) =>
        new([.. findings], [], FailOn.Error, new ScanStats(1, 1), ImmutableArray<RuleDescriptor>.Empty);

    public static GitHubContext Context(string apiUrl = "http://127.0.0.1:1/api/v3") => new()
    {
        Repository = "octo-org/webapp",
        EventName = "pull_request",
        PullRequestNumber = 7,
        HeadSha = ActionHarness.PullRequestHead,
        ServerUrl = "https://github.example",
        ApiUrl = apiUrl,
        Token = ActionHarness.Token,
        RunId = "4242",
        Workspace = "/github/workspace",
    };
}
