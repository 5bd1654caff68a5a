using System.Runtime.InteropServices;
using SecurityGate.Cli;

// Composition root: the real console, environment and working directory; everything else is in CliApplication.
var environment = new Dictionary<string, string>(StringComparer.Ordinal);
// A plain loop: LINQ over the non-generic DictionaryEntry would be jitted at every start (not precompiled).
foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
    environment[(string)entry.Key] = (string?)entry.Value ?? "";
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
