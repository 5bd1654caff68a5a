using SecurityGate.Rules;

namespace SecurityGate.Docker.Rules;

/// <summary>The rules over a built image's configuration (DOC1xx; DOC0xx judge Dockerfiles and compose files).</summary>
public static class ImageRules
{
    public static IReadOnlyList<IRule<ImageFacts>> All { get; } =
    [
        new DOC101ImageRunsAsRoot(),
        new DOC102SecretInImageEnvironment(),
        new DOC103DebugInImageEnvironment(),
        new DOC104ImageExposesSsh(),
        new DOC105ImageWithoutHealthcheck(),
        new DOC106ImageRunsRunserver(),
    ];

    /// <summary>The audit found (or did not find) the folder it reads the Django project from.</summary>
    public static IRule<ImageAppFolder> AppFolder { get; } = new DOC109AppFolderMissing();
}
