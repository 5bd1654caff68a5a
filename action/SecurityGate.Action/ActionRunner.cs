using System.Globalization;
using Octokit;
using SecurityGate.Configuration;
using SecurityGate.Docker;
using SecurityGate.Gate;
using SecurityGate.Reports;

namespace SecurityGate.Action;

/// <summary>The process's surroundings for <c>security-gate action</c> (the CLI passes its console's).</summary>
public sealed record ActionEnvironment(
    TextWriter Out,
    TextWriter Error,
    IReadOnlyDictionary<string, string> Variables,
    string WorkingDirectory);

/// <summary>
/// <c>security-gate action</c>: context and inputs → gate → every channel (annotations, step summary, outputs, check run,
/// PR comment). Channels are independent: a failing one is logged and the exit code stays the verdict's
/// (0 pass, 1 blocked; 2 only for bad inputs).
/// </summary>
public sealed class ActionRunner(IReadOnlyList<IAnalyzer> analyzers, RetryPolicy? retryPolicy = null)
{
    public async Task<int> RunAsync(ActionEnvironment environment, CancellationToken cancellationToken)
    {
        var log = new ActionLog(environment.Out);
        if (!environment.Variables.TryGetValue("GITHUB_ACTIONS", out var actions) || actions != "true")
        {
            await environment.Error.WriteLineAsync(
                "security-gate: error: 'security-gate action' runs inside GitHub Actions (GITHUB_ACTIONS=true); use 'security-gate scan' elsewhere.");
            return ExitCodes.UsageError;
        }

        var runner = new GateRunner(analyzers);
        // The image audit's rules (DOC1xx) may be configured too, also in a run without image mode.
        var ruleIds = runner.RuleIds.Union(ImageAuditAnalyzer.AllRules.Select(r => r.Id), StringComparer.OrdinalIgnoreCase)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        GitHubContext context;
        ActionInputs inputs;
        GateResult result;
        try
        {
            var tokenInput = ActionInputs.Get(environment.Variables, "github-token");
            if (tokenInput is not null)
                log.Mask(tokenInput);
            context = GitHubContext.Read(environment.Variables, environment.WorkingDirectory, tokenInput);
            if (context.Token is { } token)
                log.Mask(token);
            inputs = ActionInputs.Read(environment.Variables, context.Workspace, ruleIds);
            foreach (var header in inputs.Headers)
                log.Mask(header.Value);
            var options = BuildOptions(inputs, environment.Variables, ruleIds, context.Workspace);
            result = inputs.Image is { } image
                ? await ImageMode.RunAsync(image, options, analyzers, environment.Variables, log, cancellationToken)
                : await runner.RunAsync(options, cancellationToken);
        }
        catch (ConfigurationException e)
        {
            log.Command("error", [("title", "SecurityGate: invalid input")], e.Message);
            await environment.Error.WriteLineAsync("security-gate: error: " + e.Message.Replace('\n', ' '));
            return ExitCodes.UsageError;
        }

        var view = ReportView.For(context, inputs.CheckName, inputs.RepositoryPath);
        log.Info($"{(result.Verdict == Verdict.Fail ? "BLOCKED" : "PASSED")}: {ReportView.CountsLine(result)} " +
                 $"(commit {context.HeadSha}, event {context.EventName}{(context.IsFork ? ", from a fork" : "")}).");
        log.Group("SecurityGate report");
        log.Untrusted(TextReport.Render(result, useColor: false));
        log.EndGroup();

        var notes = new List<string>();
        await ChannelAsync(log, notes, "annotations", () =>
        {
            var hidden = WorkflowAnnotations.Write(log, result, view);
            return Task.FromResult(hidden > 0
                ? ChannelOutcome.Ok("annotations", $"{hidden} finding(s) are not shown as inline annotations " +
                                                   $"(GitHub keeps {GitHubLimits.WorkflowAnnotationsPerLevel} per level per step); all are listed below.")
                : ChannelOutcome.Ok("annotations"));
        });

        var reportPaths = new List<(string Name, string Path)>();
        await ChannelAsync(log, notes, "report files", () =>
        {
            var files = new List<(string, string)>();
            if (inputs.JsonReportPath is { } json)
            {
                files.Add((json, JsonReport.Render(result)));
                reportPaths.Add(("report-json", json));
            }
            if (inputs.SarifReportPath is { } sarif)
            {
                files.Add((sarif, SarifReport.Render(result)));
                reportPaths.Add(("report-sarif", sarif));
            }
            ReportFiles.WriteAllAtomically(files);
            return Task.FromResult(ChannelOutcome.Ok("report files"));
        });

        IGitHubClient? client = null;
        if (context.Token is null)
            notes.Add("No GitHub token (input github-token or GITHUB_TOKEN): no check run and no PR comment.");
        else
            client = GitHubApi.CreateClient(context, retryPolicy ?? new RetryPolicy(), log.Info);

        if (client is not null)
        {
            await ChannelAsync(log, notes, CheckRunReporter.Channel,
                () => new CheckRunReporter(client, view, log).ReportAsync(result), "checks: write");
            await ChannelAsync(log, notes, PullRequestCommentReporter.Channel,
                () => new PullRequestCommentReporter(client, view, inputs.Comment, log).ReportAsync(result), "pull-requests: write");
        }

        await ChannelAsync(log, notes, "step summary", () =>
        {
            if (context.StepSummaryPath is not { } path)
                return Task.FromResult(ChannelOutcome.Skipped("step summary", "GITHUB_STEP_SUMMARY is not set"));
            StepSummary.Append(path, StepSummary.Render(result, view, notes));
            return Task.FromResult(ChannelOutcome.Ok("step summary"));
        });

        await ChannelAsync(log, notes, "outputs", () =>
        {
            if (context.OutputPath is not { } path)
                return Task.FromResult(ChannelOutcome.Skipped("outputs", "GITHUB_OUTPUT is not set"));
            var outputs = new List<(string, string)>
            {
                ("verdict", result.Verdict == Verdict.Fail ? "fail" : "pass"),
                ("blocking-count", result.BlockingCount.ToString(CultureInfo.InvariantCulture)),
                ("finding-count", result.Active.Count().ToString(CultureInfo.InvariantCulture)),
                ("grade", result.Sites.FirstOrDefault()?.Observatory?.Grade ?? ""),
            };
            outputs.AddRange(reportPaths);
            OutputsFile.Append(path, OutputsFile.Render(outputs));
            return Task.FromResult(ChannelOutcome.Ok("outputs"));
        });

        return result.ExitCode;
    }

    /// <summary>Runs one channel; whatever happens, it only logs (one line) and leaves a note for the summary.</summary>
    private static async Task ChannelAsync(ActionLog log, List<string> notes, string channel, Func<Task<ChannelOutcome>> run,
        string? permission = null)
    {
        try
        {
            var outcome = await run();
            if (outcome.Note is { } note)
                notes.Add(outcome.Done ? note : $"{channel}: {note}.");
        }
        catch (Exception e) when (permission is not null && GitHubErrors.IsPermissionDenied(e))
        {
            var line = $"{channel} skipped: the token may not write it ({GitHubErrors.Describe(e)}). " +
                       $"Grant the job 'permissions: {permission}'; pull requests from forks only get a read-only token, " +
                       "so post from a 'workflow_run' follow-up workflow there. The findings are in the annotations and the step summary; " +
                       "the verdict is unaffected.";
            log.Info(line);
            notes.Add(MarkdownText.Escape(line));
        }
        catch (Exception e) when (e is not OperationCanceledException || e is TaskCanceledException)
        {
            var line = $"{channel} failed: {e.GetType().Name}: {GitHubErrors.Describe(e)} (the verdict is unaffected).";
            log.Info(line);
            notes.Add(MarkdownText.Escape(line));
        }
    }

    private static GateOptions BuildOptions(ActionInputs inputs, IReadOnlyDictionary<string, string> variables,
        IReadOnlySet<string> ruleIds, string workspace)
    {
        var layers = new List<ConfigLayer>();
        var configPath = inputs.ConfigPath ?? ConfigFileLocator.FindDefault(inputs.RepositoryPath);
        if (configPath is not null)
            layers.Add(YamlConfigLayer.Parse(Path.GetRelativePath(workspace, configPath), File.ReadAllText(configPath),
                inputs.RepositoryPath, ruleIds));
        layers.Add(EnvironmentConfigLayer.From(variables, ruleIds, workspace));
        layers.Add(inputs.Layer);
        var options = GateOptionsBinder.Bind(layers, inputs.RepositoryPath);
        if (options.EnvFile is { } env && !File.Exists(env))
            throw new ConfigurationException($"env-file: {env} does not exist.");
        return options with { Headers = [.. inputs.Headers] };
    }
}
