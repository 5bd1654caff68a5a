using System.Text;

namespace SecurityGate.Tests.Reference.Django;

/// <summary>
/// A generated, importable Django settings package.
/// </summary>
/// <param name="Seed">The seed it was generated from.</param>
/// <param name="SettingsModule">Dotted module to check, e.g. <c>mysite.settings</c> or <c>config.settings.production</c>.</param>
/// <param name="Files">Relative path ('/'-separated) → file text. Includes every package <c>__init__.py</c>.</param>
/// <param name="Environment">The environment variables the settings read (pass them to the harness; unset
/// variables are simply absent, so <c>os.environ.get(..., default)</c> takes the default).</param>
/// <param name="Choices">Human-readable list of what was drawn (for assertion messages and debugging).</param>
public sealed record DjangoSettingsProject(
    int Seed,
    string SettingsModule,
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> Choices)
{
    /// <summary>The file holding <see cref="SettingsModule"/>.</summary>
    public string SettingsFile => SettingsModule.Replace('.', '/') + ".py";

    /// <summary>Writes all files under <paramref name="directory"/> (created if needed) and returns its full path,
    /// which is the directory to put on sys.path.</summary>
    public string WriteTo(string directory)
    {
        var root = Path.GetFullPath(directory);
        foreach (var (relative, text) in Files)
        {
            var path = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, new UTF8Encoding(false));
        }

        return root;
    }

    /// <summary>A harness job for this project once written to <paramref name="directory"/>.</summary>
    public DjangoCheckJob ToJob(string directory) => new(Path.GetFullPath(directory), SettingsModule, Environment);

    /// <summary>All files, concatenated with headers (for failure messages).</summary>
    public string Dump()
    {
        var sb = new StringBuilder();
        sb.Append("# seed ").Append(Seed).Append(", module ").Append(SettingsModule).Append('\n');
        foreach (var (k, v) in Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            sb.Append("# env ").Append(k).Append('=').Append(v).Append('\n');
        }

        foreach (var (path, text) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            sb.Append("# ---- ").Append(path).Append('\n').Append(text);
        }

        return sb.ToString();
    }
}
