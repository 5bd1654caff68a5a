using Docker.DotNet;

namespace SecurityGate.Docker;

/// <summary>
/// Where the app container's network comes from, so that the gate always reaches it at 127.0.0.1:port.
/// GitHub runs a Docker action on the default bridge (or the job's network), where 127.0.0.1 is the action
/// container itself, not the runner: an app on the host network would be out of reach. Sharing the gate
/// container's own network namespace (<c>container:&lt;id&gt;</c>) puts the app on the gate's loopback wherever the gate
/// runs; outside a container the host network does the same.
/// </summary>
public static class AppNetwork
{
    /// <summary>Share the gate's namespace when it runs in a container the engine knows, else the host network.</summary>
    public const string Auto = "auto";
    public const string Host = "host";
    public const string ContainerPrefix = "container:";

    /// <summary>True for the values the image-network input accepts: auto, host, container:&lt;name or id&gt;.</summary>
    public static bool IsValid(string mode) =>
        mode is Auto or Host || (mode.StartsWith(ContainerPrefix, StringComparison.Ordinal) && mode.Length > ContainerPrefix.Length);

    /// <summary>The Docker network mode for the app container, and a sentence saying why (for the log).</summary>
    public static async Task<(string Mode, string Reason)> ResolveAsync(IDockerClient client, string requested, CancellationToken cancellationToken)
    {
        if (requested != Auto)
            return (requested, "as configured");
        return (await GateIdentity.ResolveAsync(client, cancellationToken)).ContainerId is { } id
            ? (ContainerPrefix + id, $"sharing the network of the gate's own container {id[..12]}")
            : (Host, "the gate does not run in a container of this engine");
    }
}
