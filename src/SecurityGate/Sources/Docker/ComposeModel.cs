using System.Collections.Immutable;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Docker;

/// <summary>
/// A published port of a compose service. <see cref="HostIp"/> is empty when none is given (all interfaces);
/// <see cref="HostPort"/> is empty when Docker picks one.
/// </summary>
public sealed record ComposePort(string Raw, string HostIp, string HostPort, int? ContainerPort, SourceLocation Location)
{
    /// <summary>Published on every interface: no host IP, 0.0.0.0 or ::. Docker's iptables rules bypass UFW for these.</summary>
    public bool OnAllInterfaces => HostIp is "" or "0.0.0.0" or "::" or "[::]";
}

public sealed record ComposeService(string Name, string? Image, ImmutableArray<ComposePort> Ports, SourceLocation Location);

public sealed record ComposeModel(string Path, ImmutableArray<ComposeService> Services)
{
    public string Target => Finding.FileTarget(Path);

    public bool IsDevelopment => EnvironmentValues.IsDevelopmentFile(Path);

    public static ComposeModel Empty(string path = "docker-compose.yml") => new(path, []);
}
