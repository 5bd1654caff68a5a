using System.Globalization;
using System.Text.RegularExpressions;
using Docker.DotNet;

namespace SecurityGate.Docker;

/// <summary>
/// Who is running this gate, as the Docker engine can check it later: the gate's own container when it runs in one
/// that this engine knows (GitHub runs the action that way), else a process on this host (pid + start time, so a
/// reused pid is not mistaken for the gate). Stored on every container the gate creates as
/// <see cref="ContainerLabels.Owner"/>, so that a later run can remove what a killed gate left behind.
/// </summary>
public sealed partial record GateIdentity
{
    public const string ContainerPrefix = "container:";
    public const string ProcessPrefix = "process:";
    private const string ProcStatFormat = "/proc/{0}/stat";
    /// <summary>Where Docker bind-mounts a container's hostname/hosts/resolv.conf from: its id is in the path.</summary>
    public const string MountInfoPath = "/proc/self/mountinfo";

    [GeneratedRegex(@"/containers/(?<id>[0-9a-f]{64})/", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerPath();
    private const string PidNamespaceLink = "/proc/self/ns/pid";
    public const string UnknownNamespace = "unknown";

    /// <summary>The gate's own container id (64 hex), or null outside a container of this engine.</summary>
    public string? ContainerId { get; init; }
    public required string Host { get; init; }
    /// <summary>The PID namespace (inode of /proc/self/ns/pid): a pid means nothing outside its namespace, and a
    /// host-networked container shares the host's name but not its pids.</summary>
    public required string PidNamespace { get; init; }
    public required int ProcessId { get; init; }
    /// <summary>Start time in clock ticks since boot (/proc/PID/stat field 22); 0 when unknown.</summary>
    public required long ProcessStart { get; init; }

    public string Label => ContainerId is { } id
        ? ContainerPrefix + id
        : string.Create(CultureInfo.InvariantCulture, $"{ProcessPrefix}{Host}:{PidNamespace}:{ProcessId}:{ProcessStart}");

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static GateIdentity? _resolved;

    /// <summary>Resolves once per process (one engine per process): asks the engine whether our container is its.</summary>
    public static async Task<GateIdentity> ResolveAsync(IDockerClient client, CancellationToken cancellationToken)
    {
        if (_resolved is { } known)
            return known;
        await Gate.WaitAsync(cancellationToken);
        try
        {
            return _resolved ??= new GateIdentity
            {
                ContainerId = await FindOwnContainerAsync(client, cancellationToken),
                Host = Environment.MachineName,
                PidNamespace = CurrentPidNamespace(),
                ProcessId = Environment.ProcessId,
                ProcessStart = ProcessStartTicks(Environment.ProcessId) ?? 0,
            };
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string?> FindOwnContainerAsync(IDockerClient client, CancellationToken cancellationToken)
    {
        foreach (var candidate in OwnContainerCandidates())
        {
            try
            {
                return (await client.Containers.InspectContainerAsync(candidate, cancellationToken)).ID;
            }
            catch (DockerContainerNotFoundException)
            {
                // Not a container of this engine (another engine's, or a host name that merely looks like an id).
            }
        }
        return null;
    }

    /// <summary>"4026531836" from the link /proc/self/ns/pid → pid:[4026531836]; "unknown" where there is none.</summary>
    public static string CurrentPidNamespace()
    {
        var target = new FileInfo(PidNamespaceLink).LinkTarget ?? "";
        var open = target.IndexOf('[', StringComparison.Ordinal);
        return open >= 0 && target.EndsWith(']') ? target[(open + 1)..^1] : UnknownNamespace;
    }

    /// <summary>Field 22 of /proc/PID/stat (after the parenthesised command name, which may hold spaces); null if gone.</summary>
    public static long? ProcessStartTicks(int processId)
    {
        string stat;
        try
        {
            stat = File.ReadAllText(string.Format(CultureInfo.InvariantCulture, ProcStatFormat, processId));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state), so field 22 is fields[19].
        return fields.Length > 19 && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : null;
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
