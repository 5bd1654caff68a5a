using SecurityGate.Cli;

// Composition root: the real console, environment and working directory; everything else is in CliApplication.
var environment = Environment.GetEnvironmentVariables()
    .Cast<System.Collections.DictionaryEntry>()
    .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
var application = new CliApplication(new CliConsole(
    Console.Out, Console.Error, environment, Directory.GetCurrentDirectory(), StdoutIsTerminal: !Console.IsOutputRedirected));
return await application.RunAsync(args, cancellation.Token);
