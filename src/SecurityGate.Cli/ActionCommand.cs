using System.CommandLine;
using SecurityGate.Action;
using SecurityGate.Gate;

namespace SecurityGate.Cli;

/// <summary><c>security-gate action</c>: the GitHub Action entry point; everything GitHub-specific is in SecurityGate.Action.</summary>
public static class ActionCommand
{
    public static Command Create(CliConsole console, Func<IReadOnlyList<IAnalyzer>> analyzers)
    {
        var command = new Command("action",
            "Run as the GitHub Action (needs GITHUB_ACTIONS=true): reads INPUT_* and GITHUB_* variables and reports through " +
            "annotations, the step summary, step outputs, a check run and a PR comment. Exit code: the verdict (2 for bad inputs).");
        command.SetAction((_, cancellationToken) => new ActionRunner(analyzers()).RunAsync(
            new ActionEnvironment(console.Out, console.Error, console.Environment, console.WorkingDirectory), cancellationToken));
        return command;
    }
}
