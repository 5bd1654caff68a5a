using System.Collections.Immutable;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Docker;

/// <summary>A word of an instruction (shell-style quoting removed) and where it starts.</summary>
public sealed record DockerWord(string Value, SourceLocation Location);

/// <summary>
/// One instruction, its continuation lines joined. <see cref="Words"/> split the arguments shell-style;
/// <see cref="ExecForm"/> holds the JSON array of CMD/ENTRYPOINT/RUN when written that way.
/// </summary>
public sealed record DockerInstruction(
    string Keyword,
    string Arguments,
    ImmutableArray<DockerWord> Words,
    ImmutableArray<string>? ExecForm,
    SourceLocation Location);

/// <summary>A build stage: its FROM line, base image, optional name and instructions.</summary>
public sealed record DockerStage(DockerInstruction From, string BaseImage, string? Name, ImmutableArray<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);
}

public sealed record DockerProblem(string Message, SourceLocation Location);

/// <summary>
/// A Dockerfile: the ARGs before its first FROM, its stages in order (the last builds the image that is deployed)
/// and what could not be read.
/// </summary>
public sealed record DockerfileModel(string Path, ImmutableArray<DockerInstruction> GlobalArgs, ImmutableArray<DockerStage> Stages,
    ImmutableArray<DockerProblem> Problems)
{
    public string Target => Finding.FileTarget(Path);

    public DockerStage? FinalStage => Stages.IsEmpty ? null : Stages[^1];

    /// <summary>Dockerfile.dev, dev.Dockerfile…: not the image that is deployed.</summary>
    public bool IsDevelopment => EnvironmentValues.IsDevelopmentFile(Path);

    public static DockerfileModel Empty(string path = "Dockerfile") => new(path, [], [], []);

    /// <summary>The stage a FROM names by its AS name (<c>FROM base AS final</c>), or null for an image.</summary>
    public DockerStage? StageNamed(string name, int before) =>
        Stages.Take(before).LastOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The USER in effect at the end of the final stage: its last USER, or the last USER of the stage it builds on
    /// (<c>FROM base</c>), and so on. Null when no stage in the chain sets one (the base image's user, root for
    /// python, debian and most official images).
    /// </summary>
    public DockerInstruction? EffectiveUser()
    {
        var index = Stages.Length - 1;
        var hops = 0;
        while (index >= 0 && hops++ <= Stages.Length)
        {
            var stage = Stages[index];
            if (stage.All(DockerfileKeywords.User).LastOrDefault() is { } user)
                return user;
            var parent = StageNamed(stage.BaseImage, index);
            if (parent is null)
                return null;
            index = Stages.IndexOf(parent);
        }
        return null;
    }
}

public static class DockerfileKeywords
{
    public const string From = "FROM";
    public const string User = "USER";
    public const string Env = "ENV";
    public const string Arg = "ARG";
    public const string Cmd = "CMD";
    public const string Entrypoint = "ENTRYPOINT";
    public const string Expose = "EXPOSE";
    public const string Run = "RUN";
}
