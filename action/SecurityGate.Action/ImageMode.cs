using System.Collections.Immutable;
using SecurityGate.Configuration;
using SecurityGate.Docker;
using SecurityGate.Gate;
using SecurityGate.Sources.DotEnv;

namespace SecurityGate.Action;

/// <summary>
/// <c>image:</c> mode through the Docker socket the runner mounts: audit the image (DOC1xx rules and the Django settings
/// as shipped in it), start it on the host network, probe it like a staging URL, and always remove the container.
/// An engine or image problem is an input error naming the input; it never passes silently.
/// </summary>
internal static class ImageMode
{
    public static async Task<GateResult> RunAsync(ImageInput image, GateOptions options, IReadOnlyList<IAnalyzer> analyzers,
        IReadOnlyDictionary<string, string> variables, ActionLog log, CancellationToken cancellationToken)
    {
        using var client = DockerEngine.Connect(variables);
        var audit = new ImageAuditAnalyzer(client, new ImageAuditOptions { Image = image.Image });
        var runner = new GateRunner([.. analyzers, audit]);
        var app = new AppContainerOptions
        {
            Image = image.Image,
            Port = image.Port,
            HealthPath = image.HealthPath,
            Environment = image.EnvFile is { } envFile ? DotEnvFile.Load(envFile) : ImmutableDictionary<string, string>.Empty,
            Command = image.Command is { } command
                ? [.. command.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)]
                : [],
            StartTimeout = options.ProbeTimeout,
        };
        log.Info($"Image mode: starting {image.Image} on port {image.Port} (host network) for the live probe.");
        try
        {
            return await ImageModeGate.RunAsync(client, app, options, runner, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ConfigurationException)
        {
            throw new ConfigurationException($"input image: {image.Image} could not be audited and started: {e.Message}");
        }
    }
}
