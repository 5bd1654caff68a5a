using SecurityGate.Findings;
using SecurityGate.Rules;

namespace SecurityGate.Docker.Rules;

/// <summary>Where the image audit looked for the Django project, and whether the image has that folder.</summary>
public sealed record ImageAppFolder(string Image, string Folder, bool Exists)
{
    public string Target => "image:" + Image;
}

/// <summary>The folder the audit reads the Django project from is not in the image.</summary>
public sealed class DOC109AppFolderMissing : IRule<ImageAppFolder>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "DOC109",
        title: "App image has no folder with the Django project where the audit looks",
        category: RuleCategory.Container,
        defaultSeverity: Severity.Warning,
        help: "The image audit reads the Django project from the image's WORKDIR (or /app when WORKDIR is unset or /), and " +
              "that folder is not in the image, so the settings shipped in the image were not judged. Set WORKDIR to the " +
              "project folder in the Dockerfile, or check that the image is the app image.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(ImageAppFolder folder)
    {
        if (!folder.Exists)
            yield return Rule.CreateFinding(
                $"Image {folder.Image} has no {folder.Folder}: the Django settings shipped in it were not judged.",
                location: null, folder.Target);
    }
}
