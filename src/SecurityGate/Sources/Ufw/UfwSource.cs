using System.Collections.Immutable;
using SecurityGate.Findings;
using SecurityGate.Sources.CloudInit;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Sshd;
using SecurityGate.Sources.Yaml;

namespace SecurityGate.Sources.Ufw;

/// <summary>
/// Collects the repository's local-firewall (ufw) configuration into one <see cref="FirewallModel"/>: ufw commands in
/// shell scripts (<c>*.sh</c>, <c>*.bash</c>), cloud-init runcmd/bootcmd, and Ansible YAML; the settings of
/// <c>ufw.conf</c> and of <c>/etc/default/ufw</c>-style files (<c>etc/default/ufw</c>, <c>ufw.default</c>).
/// Only files that mention ufw are parsed. Never throws.
/// </summary>
public static class UfwSource
{
    private static readonly string[] ScriptExtensions = [".sh", ".bash"];

    public static bool IsUfwConf(string path) => FileName(SshdTemplate.StripTemplateExtension(path)) == "ufw.conf";

    public static bool IsDefaultsFile(string path)
    {
        var plain = SshdTemplate.StripTemplateExtension(path);
        var name = FileName(plain);
        return plain.EndsWith("default/ufw", StringComparison.Ordinal) || name is "ufw.default" or "default-ufw" or "default_ufw";
    }

    public static FirewallModel Load(IRepositoryFiles files)
    {
        var commands = ImmutableArray.CreateBuilder<UfwCommand>();
        var settings = ImmutableArray.CreateBuilder<UfwSetting>();
        var cloudInit = CloudInitSource.Load(files).Models;
        foreach (var model in cloudInit)
            foreach (var command in model.Commands)
                commands.AddRange(UfwCommandParser.ParseLine(command.Text.Replace('\n', ';'), UfwOrigin.CloudInit, command.Location));
        var cloudInitPaths = cloudInit.Select(m => m.Path).ToHashSet(StringComparer.Ordinal);

        foreach (var path in files.Paths)
        {
            var isScript = ScriptExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
            var isYaml = (path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal)) && !cloudInitPaths.Contains(path);
            var isSettings = IsUfwConf(path) || IsDefaultsFile(path);
            if (!isScript && !isYaml && !isSettings)
                continue;
            if (files.Read(path) is not { Ok: true } read)
                continue;
            if (isSettings)
                settings.AddRange(Settings(path, read.Text));
            else if (read.Text.Contains("ufw", StringComparison.Ordinal))
                commands.AddRange(isScript
                    ? UfwCommandParser.ParseScript(path, read.Text, UfwOrigin.ShellScript)
                    : UfwAnsible.Parse(YamlFile.Load(path, read.Text)));
        }
        return new FirewallModel(commands.ToImmutable(), settings.ToImmutable());
    }

    /// <summary><c>KEY=value</c> or <c>KEY="value"</c> lines; comments and other lines are skipped.</summary>
    public static IEnumerable<UfwSetting> Settings(string path, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var equals = line.IndexOf('=');
            if (line.StartsWith('#') || equals <= 0)
                continue;
            var value = line[(equals + 1)..].Trim();
            var hash = value.IndexOf(" #", StringComparison.Ordinal);
            if (hash >= 0)
                value = value[..hash].Trim();
            yield return new UfwSetting(line[..equals].Trim(), value.Trim('"', '\''),
                SourceLocation.At(path, i + 1, lines[i].Length - lines[i].TrimStart().Length + 1));
        }
    }

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
