using System.Collections.Immutable;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Docker;

/// <summary>
/// One environment variable given a value in a deploy file: a Dockerfile ENV/ARG, a compose service's
/// <c>environment</c> or build <c>args</c>, or a line of a committed .env file.
/// </summary>
/// <param name="Value">The literal value, or the default of a lone <c>${VAR:-default}</c>; null when it comes from elsewhere.</param>
/// <param name="IsDefault">True when <paramref name="Value"/> is such a default.</param>
/// <param name="Origin">"ENV", "ARG", "service web environment", ".env file"… for messages.</param>
public sealed record EnvironmentAssignment(string Name, string? Value, bool IsDefault, string Origin, SourceLocation Location);

public enum EnvironmentFileKind
{
    Dockerfile,
    Compose,
    DotEnv,
}

/// <summary>The environment assignments of one file, what the secret and debug rules judge.</summary>
public sealed record EnvironmentModel(string Path, EnvironmentFileKind Kind, ImmutableArray<EnvironmentAssignment> Assignments)
{
    public string Target => Finding.FileTarget(Path);

    /// <summary>docker-compose.dev.yml, .env.local, Dockerfile.test: not what is deployed (see <see cref="EnvironmentValues.IsDevelopmentFile"/>).</summary>
    public bool IsDevelopment => EnvironmentValues.IsDevelopmentFile(Path);

    public static EnvironmentModel Empty(string path = ".env") => new(path, EnvironmentFileKind.DotEnv, []);

    public static EnvironmentAssignment Assign(string name, string rawValue, string origin, SourceLocation location)
    {
        var literal = EnvironmentValues.LiteralOf(rawValue);
        return new EnvironmentAssignment(name, literal?.Value, literal?.IsDefault ?? false, origin, location);
    }
}
