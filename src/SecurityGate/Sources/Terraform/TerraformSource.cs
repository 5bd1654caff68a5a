using System.Collections.Immutable;
using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Rules.Engine;
using SecurityGate.Sources.Discovery;

namespace SecurityGate.Sources.Terraform;

/// <summary>
/// Finds Terraform modules in a repository (every folder holding <c>.tf</c> files, outside <c>.terraform/</c>, where
/// <c>terraform init</c> keeps downloaded copies), parses their files and <c>.tfvars</c>, and reports syntax errors as
/// SG001 findings. Reads only through <see cref="IRepositoryFiles"/>; never runs Terraform, never throws on bad input.
/// </summary>
public static class TerraformSource
{
    public const string ConfigurationExtension = ".tf";
    public const string VariablesExtension = ".tfvars";

    /// <summary>A broken file can yield a problem per line; past this many the rest are summarized.</summary>
    public const int MaxProblemsPerFile = 10;

    private const string DownloadFolder = ".terraform";

    public static SourceOutput<TerraformModule> Load(IRepositoryFiles files)
    {
        var models = ImmutableArray.CreateBuilder<TerraformModule>();
        var problems = ImmutableArray.CreateBuilder<Finding>();
        var relevant = files.Paths.Where(p => !IsDownloaded(p)
            && (p.EndsWith(ConfigurationExtension, StringComparison.Ordinal) || p.EndsWith(VariablesExtension, StringComparison.Ordinal)));
        foreach (var folder in relevant.GroupBy(TerraformModule.FolderOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var configuration = folder.Where(p => p.EndsWith(ConfigurationExtension, StringComparison.Ordinal)).ToList();
            if (configuration.Count == 0)
                continue; // .tfvars alone: values for a module elsewhere, not a module
            var parsed = folder.Select(path => Parse(files, path, problems)).OfType<HclFile>().ToList();
            models.Add(TerraformModule.Create(folder.Key,
                parsed.Where(f => f.Path.EndsWith(ConfigurationExtension, StringComparison.Ordinal)),
                parsed.Where(f => f.Path.EndsWith(VariablesExtension, StringComparison.Ordinal))));
        }
        return new SourceOutput<TerraformModule>(models.ToImmutable(), problems.ToImmutable());
    }

    private static HclFile? Parse(IRepositoryFiles files, string path, ImmutableArray<Finding>.Builder problems)
    {
        var read = files.Read(path);
        if (!read.Ok)
        {
            problems.Add(SG001UnparseableFile.Create($"{path} could not be read: {read.Problem}", SourceLocation.At(path, 1)));
            return null;
        }
        var file = HclFile.Parse(path, read.Text);
        foreach (var (problem, index) in file.Problems.Take(MaxProblemsPerFile).Select((p, i) => (p, i)))
        {
            var more = index == MaxProblemsPerFile - 1 && file.Problems.Length > MaxProblemsPerFile
                ? $" (and {file.Problems.Length - MaxProblemsPerFile} more syntax problems in this file)"
                : "";
            problems.Add(SG001UnparseableFile.Create(
                $"Terraform syntax error: {problem.Message}; the rest of the file was still read.{more}", problem.Location));
        }
        return file;
    }

    private static bool IsDownloaded(string path) =>
        path.StartsWith(DownloadFolder + "/", StringComparison.Ordinal) || path.Contains("/" + DownloadFolder + "/", StringComparison.Ordinal);
}
