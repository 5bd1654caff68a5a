using System.Text.RegularExpressions;
using Docker.DotNet;

namespace SecurityGate.Docker;

/// <summary>
/// Where the app container's network comes from, so that the gate always reaches it at 127.0.0.1:port.
/// GitHub runs a Docker action on the default bridge (or the job's network), where 127.0.0.1 is the action
/// container itself, not the runner: an app on the host network would be out of reach. Sharing the gate
/// container's own network namespace (<c>container:&lt;id&gt;</c>) puts the app on the gate's loopback wherever the gate
/// runs; outside a container the host network does the same.
/// </summary>
public static partial class AppNetwork
{
    /// <summary>Share the gate's namespace when it runs in a container the engine knows, else the host network.</summary>
    public const string Auto = "auto";
    public const string Host = "host";
    public const string ContainerPrefix = "container:";

    /// <summary>Where Docker bind-mounts a container's hostname/hosts/resolv.conf from: its id is in the path.</summary>
    public const string MountInfoPath = "/proc/self/mountinfo";

    [GeneratedRegex(@"/containers/(?<id>[0-9a-f]{64})/", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerPath();

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

    /// <summary>Ids the gate's own container may have: from the mount table, then the host name Docker gives it.</summary>
    internal static IEnumerable<string> OwnContainerCandidates()
    {
        var ids = new List<string>();
        if (File.Exists(MountInfoPath))
            ids.AddRange(ContainerIdsInMountInfo(File.ReadAllText(MountInfoPath)));
        // Without host networking Docker sets the host name to the short id.
        if (Environment.MachineName is { Length: 12 } name && name.All(char.IsAsciiHexDigitLower))
            ids.Add(name);
        return ids.Distinct(StringComparer.Ordinal);
    }

    internal static IEnumerable<string> ContainerIdsInMountInfo(string mountInfo) =>
        ContainerPath().Matches(mountInfo).Select(m => m.Groups["id"].Value).Distinct(StringComparer.Ordinal);
}
