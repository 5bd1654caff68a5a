using System.Collections.Immutable;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Sources.Sudoers;

/// <summary>Sudoers files in a repository: named <c>sudoers</c> or inside a <c>sudoers.d/</c> folder (Jinja templates too).</summary>
public static class SudoersSource
{
    private const string MainName = "sudoers";
    private const string DropInFolder = "sudoers.d";

    public static bool IsSudoersPath(string path)
    {
        var plain = SshdTemplate.StripTemplateExtension(path);
        var segments = plain.Split('/');
        var name = segments[^1];
        if (name.StartsWith('.') || name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || name == "README")
            return false;
        return name == MainName || (segments.Length >= 2 && segments[^2] == DropInFolder);
    }

    public static ImmutableArray<SudoersFile> Load(IRepositoryFiles files) =>
    [
        .. files.Paths.Where(IsSudoersPath)
            .Select(p => (Path: p, Read: files.Read(p)))
            .Where(f => f.Read.Ok)
            .Select(f => SudoersParser.Parse(f.Path, SshdTemplate.IsTemplatePath(f.Path) ? SshdTemplate.Mask(f.Read.Text) : f.Read.Text)),
    ];
}
