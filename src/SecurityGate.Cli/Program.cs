using System.Runtime.InteropServices;
using SecurityGate.Cli;

// Composition root: the real console, environment and working directory; everything else is in CliApplication.
var environment = Environment.GetEnvironmentVariables()
    .Cast<System.Collections.DictionaryEntry>()
    .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
using var cancellation = new CancellationTokenSource();
// SIGINT (Ctrl+C) and SIGTERM (docker stop, a cancelled workflow run) cancel the run instead of killing the process, so
// that containers it started are removed before it exits with ExitCodes.Cancelled.
void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    cancellation.Cancel();
}
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
var application = new CliApplication(new CliConsole(
    Console.Out, Console.Error, environment, Directory.GetCurrentDirectory(), StdoutIsTerminal: !Console.IsOutputRedirected));
return await application.RunAsync(args, cancellation.Token);
