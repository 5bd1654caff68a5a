using Docker.DotNet;

namespace SecurityGate.Docker;

/// <summary>
/// Labels on every container the gate creates: its role, the id of the gate process that created it (so a run's
/// containers can be told apart from everyone else's: <c>docker ps -a --filter label=org.securitygate.run=ID</c>), and
/// its owner (<see cref="GateIdentity"/>), by which a later run recognises what a killed gate left behind.
/// </summary>
public static class ContainerLabels
{
    public const string Role = "org.securitygate.role";
    public const string Run = "org.securitygate.run";
    public const string Owner = "org.securitygate.owner";

    /// <summary>One id per gate process.</summary>
    public static string RunId { get; } = Guid.NewGuid().ToString("N");

    public static async Task<Dictionary<string, string>> ForAsync(IDockerClient client, string role, CancellationToken cancellationToken) =>
        new()
        {
            [Role] = role,
            [Run] = RunId,
            [Owner] = (await GateIdentity.ResolveAsync(client, cancellationToken)).Label,
        };
}
