using System.Collections.Immutable;
using SecurityGate.Configuration;
using SecurityGate.Docker;
using SecurityGate.Docker.DjangoCheck;
using SecurityGate.Gate;
using SecurityGate.Sources.DotEnv;

namespace SecurityGate.Action;

/// <summary>
/// <c>image:</c> mode through the Docker socket the runner mounts: audit the image (DOC1xx rules and the Django settings
/// as shipped in it; with django-check-in-image also Django's own check run inside it), start it on the host network,
/// probe it like a staging URL, and always remove the containers.
/// An engine or image problem is an input error naming the input; it never passes silently.
/// </summary>
internal static class ImageMode
{
    public static async Task<GateResult> RunAsync(ImageInput image, GateOptions options, IReadOnlyList<IAnalyzer> analyzers,
        IReadOnlyDictionary<string, string> variables, ActionLog log, CancellationToken cancellationToken)
    {
        using var client = DockerEngine.Connect(variables);
        var environment = image.EnvFile is { } envFile ? DotEnvFile.Load(envFile) : ImmutableDictionary<string, string>.Empty;
        var audit = new ImageAuditAnalyzer(client, new ImageAuditOptions
        {
            Image = image.Image,
            // The check gets the app's staging environment and nothing of the gate's (no token, no socket, no network).
            DjangoCheck = image.DjangoCheck ? new DjangoCheckOptions { Environment = environment } : null,
        });
        var runner = new GateRunner([.. analyzers, audit]);
        try
        {
            var (network, why) = await AppNetwork.ResolveAsync(client, image.Network, cancellationToken);
            var orphans = await ContainerCleanup.RemoveOrphansAsync(client, cancellationToken);
            if (orphans.Count > 0)
                log.Info($"Image mode: removed {orphans.Count} container(s) left behind by an earlier gate that was killed: " +
                         string.Join(", ", orphans.Select(id => id[..12])) + ".");
            var app = new AppContainerOptions
            {
                Image = image.Image,
                Port = image.Port,
                HealthPath = image.HealthPath,
                Environment = environment,
                Command = image.Command is { } command
                    ? [.. command.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)]
                    : [],
                StartTimeout = options.ProbeTimeout,
                NetworkMode = network,
            };
            log.Info($"Image mode: starting {image.Image} on port {image.Port} (network {network}: {why}) for the live probe; " +
                     $"every container of this run carries the label {ContainerLabels.Run}={ContainerLabels.RunId}.");
            if (image.DjangoCheck)
                log.Info($"Image mode: running Django's check --deploy inside a throwaway, network-less container of {image.Image}.");
            return await ImageModeGate.RunAsync(client, app, options, runner, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ConfigurationException)
        {
            throw new ConfigurationException($"input image: {image.Image} could not be audited and started: {e.Message}");
        }
    }
}
