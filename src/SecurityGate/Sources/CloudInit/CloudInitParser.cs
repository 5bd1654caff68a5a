using System.Collections.Immutable;
using SecurityGate.Findings;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Sshd;
using SecurityGate.Sources.Sudoers;
using SecurityGate.Sources.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecurityGate.Sources.CloudInit;

/// <summary>
/// Reads <c>#cloud-config</c> YAML into a <see cref="CloudInitModel"/>, keeping lines. <c>write_files</c> entries for
/// <c>/etc/ssh/sshd_config</c> or <c>/etc/ssh/sshd_config.d/*</c> are loaded with <see cref="SshdSource.LoadText"/> at
/// the content's own lines, so the SSH rules judge them in place.
/// </summary>
public static class CloudInitParser
{
    public sealed record Result(CloudInitModel Model, string? Problem, int ProblemLine);

    private const string SshdConfigPath = "/etc/ssh/sshd_config";
    private const string SshdDropInFolder = "/etc/ssh/sshd_config.d/";

    public static Result Parse(string path, string text, IRepositoryFiles? files = null)
    {
        var yaml = YamlFile.Load(path, text);
        if (!yaml.Ok)
            return new Result(CloudInitModel.Empty(path), $"invalid YAML: {yaml.Error}", yaml.ErrorLine);
        if (yaml.RootMapping is not { } root)
            return new Result(CloudInitModel.Empty(path), null, 0);

        var usersNode = YamlNodes.Get(root, "users");
        var writeFiles = YamlNodes.Items(YamlNodes.Get(root, "write_files")).Select(e => WriteFile(yaml, e)).OfType<CloudInitWriteFile>().ToImmutableArray();
        var model = new CloudInitModel(
            path,
            Bool(yaml, root, "ssh_pwauth"),
            Bool(yaml, root, "disable_root"),
            DefaultUser(yaml, root),
            usersNode is not null,
            [.. YamlNodes.Items(usersNode).Select(u => User(yaml, u)).OfType<CloudInitUser>()],
            [.. Chpasswd(yaml, YamlNodes.Get(root, "chpasswd"))],
            writeFiles,
            [.. Commands(yaml, YamlNodes.Get(root, "bootcmd")), .. Commands(yaml, YamlNodes.Get(root, "runcmd"))],
            [.. writeFiles.Where(IsSshdPath).Where(f => f.Content is not null && f.Encoding is null)
                .Select(f => new CloudInitSshdConfig(f, SshdConfigModel.Create(SshdSource.LoadText(path, f.Content!, files, lineOffset: f.ContentLineOffset))))]);
        return new Result(model, null, 0);
    }

    public static bool IsSshdPath(CloudInitWriteFile file) =>
        file.TargetPath == SshdConfigPath || (file.TargetPath.StartsWith(SshdDropInFolder, StringComparison.Ordinal) && file.TargetPath.EndsWith(".conf", StringComparison.Ordinal));

    private static CloudInitSetting<bool>? Bool(YamlFile yaml, YamlNode root, string key) =>
        YamlNodes.Boolean(YamlNodes.Get(root, key)) is { } value ? new CloudInitSetting<bool>(value, yaml.LocationOf(YamlNodes.KeyNode(root, key)!)) : null;

    /// <summary><c>system_info.default_user.name</c>, or the legacy top-level <c>user:</c> (a name or a mapping).</summary>
    private static CloudInitSetting<string>? DefaultUser(YamlFile yaml, YamlNode root)
    {
        var candidates = new[]
        {
            YamlNodes.Get(YamlNodes.Get(YamlNodes.Get(root, "system_info"), "default_user"), "name"),
            YamlNodes.Get(root, "user") is YamlMappingNode legacy ? YamlNodes.Get(legacy, "name") : YamlNodes.Get(root, "user"),
        };
        return candidates.FirstOrDefault(n => YamlNodes.Text(n) is not null) is { } node
            ? new CloudInitSetting<string>(YamlNodes.Text(node)!, yaml.LocationOf(node))
            : null;
    }

    private static CloudInitUser? User(YamlFile yaml, YamlNode entry)
    {
        if (YamlNodes.Text(entry) is { } plain)
            return new CloudInitUser(plain, yaml.LocationOf(entry), plain == "default", null, null, null, false, false, null, []);
        if (entry is not YamlMappingNode || YamlNodes.Text(YamlNodes.Get(entry, "name")) is not { } name)
            return null;
        var location = yaml.LocationOf(YamlNodes.Get(entry, "name")!);
        var lockNode = YamlNodes.Get(entry, "lock_passwd");
        var lockPasswd = YamlNodes.Boolean(lockNode) is { } locked ? new CloudInitSetting<bool>(locked, yaml.LocationOf(lockNode!)) : null;
        var hasKeys = YamlNodes.Items(YamlNodes.Get(entry, "ssh_authorized_keys")).Any() || YamlNodes.Items(YamlNodes.Get(entry, "ssh_import_id")).Any()
            || YamlNodes.Text(YamlNodes.Get(entry, "ssh_authorized_keys")) is not null;
        var sudoNode = YamlNodes.Get(entry, "sudo");
        var sudoTexts = sudoNode is YamlSequenceNode ? YamlNodes.Items(sudoNode) : sudoNode is null ? [] : [sudoNode];
        var sudo = sudoTexts
            .Where(n => YamlNodes.Text(n) is { } t && YamlNodes.Boolean(n) is null && t.Contains('='))
            .Select(n =>
            {
                var text = YamlNodes.Text(n)!;
                var equals = text.IndexOf('=');
                return SudoersParser.ParseSpec([name], text[..equals].Trim(), text[(equals + 1)..], text, yaml.LocationOf(n));
            });
        return new CloudInitUser(name, location, false, lockPasswd,
            Secret(yaml, YamlNodes.Get(entry, "plain_text_passwd")),
            Secret(yaml, YamlNodes.Get(entry, "passwd")) ?? Secret(yaml, YamlNodes.Get(entry, "hashed_passwd")),
            hasKeys,
            YamlNodes.Boolean(YamlNodes.Get(entry, "system")) == true,
            YamlNodes.Text(YamlNodes.Get(entry, "shell")),
            [.. sudo]);
    }

    private static CloudInitSecret? Secret(YamlFile yaml, YamlNode? node) =>
        YamlNodes.Text(node) is { Length: > 0 } value ? new CloudInitSecret(value, yaml.LocationOf(node!)) : null;

    /// <summary><c>chpasswd: {list: "root:pw\nubuntu:RANDOM"}</c> (deprecated) and <c>chpasswd: {users: [{name, password, type}]}</c>.</summary>
    private static IEnumerable<CloudInitPassword> Chpasswd(YamlFile yaml, YamlNode? chpasswd)
    {
        foreach (var entry in YamlNodes.Items(YamlNodes.Get(chpasswd, "users")))
        {
            if (YamlNodes.Text(YamlNodes.Get(entry, "name")) is not { } name || YamlNodes.Text(YamlNodes.Get(entry, "password")) is not { } password)
                continue;
            var type = YamlNodes.Text(YamlNodes.Get(entry, "type")) ?? "text";
            if (type == "RANDOM" || password is "RANDOM" or "R")
                continue;
            yield return new CloudInitPassword(name, new CloudInitSecret(password, yaml.LocationOf(YamlNodes.Get(entry, "password")!)), type == "hash");
        }
        var list = YamlNodes.Get(chpasswd, "list");
        var lines = YamlNodes.Text(list)?.Split('\n').Select((l, i) => (Text: l, Index: i))
            ?? YamlNodes.Items(list).Select((n, i) => (Text: YamlNodes.Text(n) ?? "", Index: i));
        foreach (var (line, index) in lines)
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
                continue;
            var password = line[(colon + 1)..].Trim();
            if (password is "" or "RANDOM" or "R")
                continue;
            var location = list is YamlSequenceNode sequence
                ? yaml.LocationOf(sequence.Children[index])
                : SourceLocation.At(yaml.Path, BlockLine(list!) + index);
            yield return new CloudInitPassword(line[..colon].Trim(), new CloudInitSecret(password, location), CloudInitPasswords.IsHash(password));
        }
    }

    private static CloudInitWriteFile? WriteFile(YamlFile yaml, YamlNode entry)
    {
        if (YamlNodes.Text(YamlNodes.Get(entry, "path")) is not { } target)
            return null;
        var contentNode = YamlNodes.Get(entry, "content");
        var content = YamlNodes.Text(contentNode);
        var offset = contentNode is null ? 0 : BlockLine(contentNode) - 1;
        var encoding = YamlNodes.Text(YamlNodes.Get(entry, "encoding"));
        if (encoding is "text/plain")
            encoding = null;
        return new CloudInitWriteFile(target, content, offset, encoding, yaml.LocationOf(YamlNodes.Get(entry, "path")!));
    }

    /// <summary>The file line of a scalar's first line of text: the line after <c>|</c>/<c>&gt;</c> for a block scalar.</summary>
    private static int BlockLine(YamlNode node)
    {
        var line = (int)Math.Max(1, node.Start.Line);
        return node is YamlScalarNode { Style: ScalarStyle.Literal or ScalarStyle.Folded } ? line + 1 : line;
    }

    private static IEnumerable<CloudInitCommand> Commands(YamlFile yaml, YamlNode? list)
    {
        foreach (var item in YamlNodes.Items(list))
        {
            var text = YamlNodes.Text(item) ?? string.Join(' ', YamlNodes.Items(item).Select(YamlNodes.Text).OfType<string>());
            if (text.Length > 0)
                yield return new CloudInitCommand(text, yaml.LocationOf(item));
        }
    }
}
