using System.Collections.Immutable;
using SecurityGate.Findings;
using SecurityGate.Rules.Engine;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Sources.CloudInit;

/// <summary>
/// Finds cloud-init user-data: a file whose first line is <c>#cloud-config</c> (after an optional
/// <c>## template: jinja</c>), or one named <c>user-data*</c>, <c>cloud-init*.y(a)ml</c> or <c>cloud-config*.y(a)ml</c>.
/// MIME multi-part user-data and Terraform <c>user_data</c> heredocs are not read.
/// </summary>
public static class CloudInitSource
{
    public const string Header = "#cloud-config";
    private const string JinjaHeader = "## template: jinja";

    /// <summary>Extensions a user-data file may carry (none at all is common: <c>user-data</c>).</summary>
    private static readonly string[] Extensions = [".yml", ".yaml", ".cfg", ".txt", ".tpl", ".tftpl", ".tmpl", ".j2", ".conf"];

    private static readonly string[] NamePrefixes = ["user-data", "cloud-init", "cloud-config", "cloudinit", "cloud_init"];

    public static bool IsNamedCloudInit(string path)
    {
        var name = FileName(path).ToLowerInvariant();
        return NamePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
            && (!name.Contains('.') || name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal)
                || name.EndsWith(".tftpl", StringComparison.Ordinal) || name.EndsWith(".tpl", StringComparison.Ordinal) || name.EndsWith(".j2", StringComparison.Ordinal));
    }

    public static bool HasHeader(string text)
    {
        var lines = text.TrimStart('\uFEFF').Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(2).ToList();
        return lines.Count > 0 && (lines[0] == Header || (lines[0].StartsWith(JinjaHeader, StringComparison.Ordinal) && lines.Count > 1 && lines[1] == Header));
    }

    public static (ImmutableArray<CloudInitModel> Models, ImmutableArray<Finding> Problems) Load(IRepositoryFiles files)
    {
        var models = ImmutableArray.CreateBuilder<CloudInitModel>();
        var problems = ImmutableArray.CreateBuilder<Finding>();
        foreach (var path in files.Paths)
        {
            var named = IsNamedCloudInit(path);
            var name = FileName(path);
            // Other files are read only when their extension fits; extension-less ones only when named like user-data.
            if (!named && !Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                continue;
            if (files.Read(path) is not { Ok: true } read || !(named || HasHeader(read.Text)))
                continue;
            var text = read.Text.Contains(JinjaHeader, StringComparison.Ordinal) ? SshdTemplate.Mask(read.Text) : read.Text;
            var result = CloudInitParser.Parse(path, text, files);
            if (result.Problem is not null)
                problems.Add(SG001UnparseableFile.Create($"{path}: {result.Problem}", SourceLocation.At(path, result.ProblemLine)));
            else
                models.Add(result.Model);
        }
        return (models.ToImmutable(), problems.ToImmutable());
    }

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
