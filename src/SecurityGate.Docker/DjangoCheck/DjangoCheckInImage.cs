using System.Collections.Immutable;
using Docker.DotNet;
using Docker.DotNet.Models;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Docker;

namespace SecurityGate.Docker.DjangoCheck;

/// <summary>How to run Django's own deploy check inside the app image (the action's <c>django-check-in-image</c>).</summary>
public sealed record DjangoCheckOptions
{
    /// <summary>Variables for the throwaway container besides the image's ENV (the image-env-file). Never a token.</summary>
    public ImmutableDictionary<string, string> Environment { get; init; } = ImmutableDictionary<string, string>.Empty;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(DefaultTimeoutSeconds);

    public const double DefaultTimeoutSeconds = 120;
}

/// <summary>
/// Runs <c>python manage.py check --deploy --fail-level WARNING</c> in a container of the app image: the project's
/// own code in its own environment, isolated (no network, nothing of the gate's mounted or passed), and always removed.
/// This executes the project's code, which is why it is opt-in; the static analysis never does.
/// </summary>
public static class DjangoCheckInImage
{
    public const string ContainerRole = "django-check";
    public const string ManagePy = "manage.py";
    /// <summary>Django images often have only one of the two names (Debian: python3; the python image: both).</summary>
    private static readonly string[] Interpreters = ["python", "python3"];
    private static readonly string[] CheckArguments = [ManagePy, "check", "--deploy", "--fail-level", "WARNING", "--no-color"];
    private const int LogTailLines = 2000;
    private const int MaxFailureLength = 500;
    /// <summary>Shorter secret values are not redacted from output: they would blank out ordinary words.</summary>
    private const int MinRedactedValueLength = 6;

    /// <param name="appFolder">The folder read out of the image, absolute in the image.</param>
    /// <param name="files">Its files, as read by <see cref="ImageFileReader"/>: manage.py is looked for there.</param>
    public static async Task<DjangoCheckRun> RunAsync(IDockerClient client, ImageFacts image, string appFolder,
        IRepositoryFiles files, DjangoCheckOptions options, CancellationToken cancellationToken)
    {
        var manage = files.Paths.Where(p => p == ManagePy || p.EndsWith("/" + ManagePy, StringComparison.Ordinal))
            .OrderBy(p => p.Count(c => c == '/')).ThenBy(p => p, StringComparer.Ordinal).FirstOrDefault();
        var folder = appFolder.TrimEnd('/');
        if (manage is null)
            return new DjangoCheckRun
            {
                Image = image.Image,
                Command = string.Join(' ', CheckArguments),
                Failure = $"no {ManagePy} under {(folder.Length == 0 ? "/" : folder)} in the image",
            };
        var workingDir = manage.Contains('/') ? $"{folder}/{manage[..manage.LastIndexOf('/')]}" : (folder.Length == 0 ? "/" : folder);
        var secrets = SecretValues(image.Environment.Concat(options.Environment));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        string command = "";
        try
        {
            foreach (var interpreter in Interpreters)
            {
                command = $"{interpreter} {string.Join(' ', CheckArguments)} (in {workingDir})";
                var outcome = await RunOnceAsync(client, image.Image, interpreter, workingDir, options, timeout.Token);
                if (outcome is null)
                    continue; // This interpreter is not in the image: try the next name.
                var (exitCode, output) = outcome.Value;
                if (DjangoCheckOutputParser.Parse(output) is { } messages)
                    return new DjangoCheckRun
                    {
                        Image = image.Image,
                        Command = command,
                        Messages = [.. messages.Select(m => m with { Text = Redact(m.Text, secrets), Hint = Redact(m.Hint, secrets) })],
                    };
                return Failed(image, command, $"exited with code {exitCode} without a check report: {LastLine(output, secrets)}");
            }
            return Failed(image, command, $"the image has no Python interpreter named {string.Join(" or ", Interpreters)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(image, command, $"did not finish within {options.Timeout.TotalSeconds:0} s");
        }
    }

    private static DjangoCheckRun Failed(ImageFacts image, string command, string failure) =>
        new() { Image = image.Image, Command = command, Failure = failure };

    /// <summary>Exit code and combined output, or null when the interpreter does not exist in the image.</summary>
    private static async Task<(long ExitCode, string Output)?> RunOnceAsync(IDockerClient client, string image, string interpreter,
        string workingDir, DjangoCheckOptions options, CancellationToken cancellationToken)
    {
        var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = image,
            // Setting the entrypoint also drops the image's CMD, so exactly this command runs.
            Entrypoint = [interpreter, .. CheckArguments],
            WorkingDir = workingDir,
            Env = [.. options.Environment.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")],
            Labels = await ContainerLabels.ForAsync(client, ContainerRole, cancellationToken),
            HostConfig = new HostConfig { NetworkMode = "none" },
        }, cancellationToken);
        try
        {
            try
            {
                await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken);
            }
            catch (DockerApiException e) when (e.Message.Contains("executable file not found", StringComparison.OrdinalIgnoreCase)
                                               || e.Message.Contains("no such file or directory", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            var wait = await client.Containers.WaitContainerAsync(created.ID, cancellationToken);
            return (wait.StatusCode, await ContainerOutput.ReadLogsAsync(client, created.ID, LogTailLines, cancellationToken));
        }
        finally
        {
            await ContainerCleanup.RemoveAsync(client, created.ID);
        }
    }

    /// <summary>The last non-blank line (a traceback's exception), redacted before it is shortened.</summary>
    private static string LastLine(string output, IReadOnlyList<string> secrets) =>
        ContainerOutput.Shorten(Redact(ContainerOutput.LastLine(output) ?? "(no output)", secrets), MaxFailureLength);

    /// <summary>Values of secret-named variables and passwords in URLs (DATABASE_URL), longest first.</summary>
    private static List<string> SecretValues(IEnumerable<KeyValuePair<string, string>> environment) =>
        [.. environment
            .Select(p => EnvironmentValues.IsSecretName(p.Key) ? p.Value : EnvironmentValues.UrlPassword(p.Value))
            .OfType<string>()
            .Where(v => v.Length >= MinRedactedValueLength)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)];

    /// <summary>Secret values of the container's environment never appear in a report, whatever the project printed.</summary>
    private static string Redact(string text, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
            text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
        return text;
    }
}
