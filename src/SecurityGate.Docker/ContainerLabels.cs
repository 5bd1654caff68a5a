namespace SecurityGate.Docker;

/// <summary>
/// Labels on every container the gate creates: its role, and the id of the gate process that created it, so that a
/// run's containers can be told apart from everyone else's (<c>docker ps -a --filter label=org.securitygate.run=ID</c>).
/// </summary>
public static class ContainerLabels
{
    public const string Role = "org.securitygate.role";
    public const string Run = "org.securitygate.run";

    /// <summary>One id per gate process.</summary>
    public static string RunId { get; } = Guid.NewGuid().ToString("N");

    public static Dictionary<string, string> For(string role) => new() { [Role] = role, [Run] = RunId };
}
