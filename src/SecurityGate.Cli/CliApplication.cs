using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using SecurityGate.Configuration;
using SecurityGate.Gate;
using SecurityGate.Reports;

namespace SecurityGate.Cli;

/// <summary>The command line: <c>scan</c>, <c>rules</c>, <c>--version</c>. Parse errors and bad input exit with 2.</summary>
public sealed class CliApplication(CliConsole console)
{
    // Built only by the command that runs: --version, --help and parse errors never pay for the catalog's start-up.
    private readonly Lazy<IReadOnlyList<IAnalyzer>> _analyzers = new(AnalyzerCatalog.All);

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var root = new RootCommand("SecurityGate: is this Django app safe to ship? Scans settings and server hardening " +
                                   "files without running them, probes staging URLs, and fails on blocking findings.");
        var scan = new ScanCommand(console, () => _analyzers.Value);
        root.Subcommands.Add(scan.Command);
        root.Subcommands.Add(RulesCommand.Create(console, () => _analyzers.Value));
        root.Subcommands.Add(ActionCommand.Create(console, () => _analyzers.Value));
        // The built-in action prints the entry assembly's version, which is the test host's when run in-process.
        foreach (var option in root.Options.OfType<VersionOption>())
            option.Action = new PrintVersionAction(console);

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
                await console.Error.WriteLineAsync($"security-gate: error: {error.Message}");
            var command = parseResult.CommandResult.Command;
            await console.Error.WriteLineAsync($"Run 'security-gate {(command == root ? "" : command.Name + " ")}--help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            return await parseResult.InvokeAsync(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            }, cancellationToken);
        }
        catch (ConfigurationException e)
        {
            await console.Error.WriteLineAsync($"security-gate: error: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("security-gate: cancelled before it finished: no verdict.");
            return ExitCodes.Cancelled;
        }
    }

    private sealed class PrintVersionAction(CliConsole console) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            console.Out.WriteLine(ToolInfo.Version);
            return ExitCodes.Pass;
        }
    }
}
