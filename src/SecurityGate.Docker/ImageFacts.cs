using System.Collections.Immutable;
using SecurityGate.Findings;

namespace SecurityGate.Docker;

/// <summary>What an image's configuration says about how its containers run (docker image inspect → Config).</summary>
public sealed record ImageFacts
{
    public required string Image { get; init; }
    public string User { get; init; } = "";
    /// <summary>ENV as NAME → value, in image order (later duplicates win, as in the engine).</summary>
    public ImmutableDictionary<string, string> Environment { get; init; } = ImmutableDictionary<string, string>.Empty;
    /// <summary>EXPOSE entries as the engine stores them: <c>22/tcp</c>, <c>8000/tcp</c>.</summary>
    public ImmutableArray<string> ExposedPorts { get; init; } = [];
    /// <summary>HEALTHCHECK test; empty when the image has none, <c>["NONE"]</c> when it is switched off.</summary>
    public ImmutableArray<string> Healthcheck { get; init; } = [];
    public ImmutableArray<string> Entrypoint { get; init; } = [];
    public ImmutableArray<string> Cmd { get; init; } = [];
    public string WorkingDir { get; init; } = "";

    public string Target => "image:" + Image;

    /// <summary>Entrypoint and command as the process line the container starts with.</summary>
    public string CommandLine => string.Join(' ', Entrypoint.Concat(Cmd));

    public bool HasHealthcheck => Healthcheck.Length > 0 && !Healthcheck[0].Equals("NONE", StringComparison.OrdinalIgnoreCase);

    /// <summary>Findings about the image point at the image itself, not at a repository file.</summary>
    public SourceLocation? Location => null;
}
