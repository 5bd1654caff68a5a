using SecurityGate.Cli;

namespace SecurityGate.Cli.Tests;

/// <summary>Runs the whole command line in-process with captured output and a controlled environment.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static Task<CliRun> Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Start(workingDirectory, environment, CancellationToken.None, args);

    public static async Task<CliRun> Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment,
        CancellationToken cancellationToken, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var console = new CliConsole(stdout, stderr, environment ?? new Dictionary<string, string>(), workingDirectory, StdoutIsTerminal: false);
        var exitCode = await new CliApplication(console).RunAsync(args, cancellationToken);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
