using System.Text.RegularExpressions;
using SecurityGate.Sources.Yaml;
using YamlDotNet.RepresentationModel;

namespace SecurityGate.Sources.Ufw;

/// <summary>
/// ufw in Ansible: <c>community.general.ufw</c> (or <c>ufw</c>) tasks with <c>state</c>, <c>policy</c>/<c>default</c> +
/// <c>direction</c>, and <c>rule</c> + <c>port</c>/<c>name</c> + <c>from_ip</c> (aliases <c>from</c>, <c>src</c>), in mapping
/// or <c>k=v</c> form; a literal <c>loop</c>/<c>with_items</c> list is expanded into <c>{{ item }}</c> and
/// <c>{{ item.key }}</c>. <c>shell</c>/<c>command</c> tasks running ufw are read as shell.
/// </summary>
public static partial class UfwAnsible
{
    private static readonly string[] ModuleKeys = ["community.general.ufw", "ufw"];
    private static readonly string[] ShellKeys = ["ansible.builtin.shell", "ansible.builtin.command", "shell", "command"];
    private static readonly string[] SourceKeys = ["from_ip", "from", "src"];

    [GeneratedRegex(@"\{\{\s*item(?:\.(?<key>[A-Za-z_][A-Za-z0-9_]*)|\[['""](?<key>[^'""]+)['""]\])?\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex ItemReference();

    [GeneratedRegex(@"(?<key>[a-z_]+)=(?<value>""[^""]*""|'[^']*'|\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex KeyValue();

    public static IEnumerable<UfwCommand> Parse(YamlFile yaml)
    {
        foreach (var document in yaml.Documents)
        {
            foreach (var node in YamlNodes.Descendants(document).OfType<YamlMappingNode>())
            {
                foreach (var key in ShellKeys)
                {
                    if (YamlNodes.Text(YamlNodes.Get(node, key)) is { } script)
                        foreach (var command in UfwCommandParser.ParseLine(script, UfwOrigin.Ansible, yaml.LocationOf(YamlNodes.Get(node, key)!)))
                            yield return command;
                }
                var module = ModuleKeys.Select(k => (Key: k, Value: YamlNodes.Get(node, k))).FirstOrDefault(m => m.Value is not null);
                if (module.Value is null)
                    continue;
                var parameters = Parameters(module.Value);
                var location = yaml.LocationOf(YamlNodes.KeyNode(node, module.Key)!);
                var loop = YamlNodes.Items(YamlNodes.Get(node, "loop") ?? YamlNodes.Get(node, "with_items")).ToList();
                foreach (var item in loop.Count == 0 ? [null] : loop.Cast<YamlNode?>())
                {
                    string? Param(string name) => parameters.TryGetValue(name, out var value) ? Substitute(value, item) : null;
                    foreach (var command in Commands(Param, location, $"{module.Key}: {Describe(parameters)}"))
                        yield return command;
                }
            }
        }
    }

    private static IEnumerable<UfwCommand> Commands(Func<string, string?> param, Findings.SourceLocation location, string text)
    {
        switch (param("state"))
        {
            case "enabled": yield return new UfwCommand(UfwCommandKind.Enable, null, [], null, "", text, UfwOrigin.Ansible, location); break;
            case "disabled": yield return new UfwCommand(UfwCommandKind.Disable, null, [], null, "", text, UfwOrigin.Ansible, location); break;
            case "reset": yield return new UfwCommand(UfwCommandKind.Reset, null, [], null, "", text, UfwOrigin.Ansible, location); break;
        }
        var direction = param("direction") is "in" or null ? UfwCommand.Incoming : param("direction")!;
        if ((param("policy") ?? param("default")) is { } policy)
            yield return new UfwCommand(UfwCommandKind.Default, policy, [], null, direction, text, UfwOrigin.Ansible, location);
        if (param("rule") is { } rule && YamlTrue(param("delete")) is false && YamlTrue(param("route")) is false
            && direction == UfwCommand.Incoming)
        {
            var ports = (param("port") ?? param("to_port") ?? param("name") ?? param("app"))?.Split(',') ?? [];
            var from = SourceKeys.Select(param).FirstOrDefault(v => v is not null);
            yield return new UfwCommand(UfwCommandKind.Rule, rule, [.. ports.Where(p => p.Length > 0 && !p.Contains('{'))],
                from is null or "" ? null : from, UfwCommand.Incoming, text, UfwOrigin.Ansible, location);
        }
    }

    private static Dictionary<string, string> Parameters(YamlNode module)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in YamlNodes.Entries(module))
            if (YamlNodes.Text(key) is { } name && YamlNodes.Text(value) is { } text)
                result[name] = text;
        if (module is YamlScalarNode && YamlNodes.Text(module) is { } inline)
            foreach (Match match in KeyValue().Matches(inline))
                result[match.Groups["key"].Value] = match.Groups["value"].Value.Trim('"', '\'');
        return result;
    }

    /// <summary>Replaces <c>{{ item }}</c> / <c>{{ item.key }}</c> from a literal loop item; leaves other templates as they are.</summary>
    private static string Substitute(string value, YamlNode? item) =>
        item is null ? value : ItemReference().Replace(value, m =>
        {
            var key = m.Groups["key"];
            var replacement = key.Success ? YamlNodes.Text(YamlNodes.Get(item, key.Value)) : YamlNodes.Text(item);
            return replacement ?? m.Value;
        });

    private static bool YamlTrue(string? value) => value?.ToLowerInvariant() is "true" or "yes" or "on";

    private static string Describe(Dictionary<string, string> parameters) =>
        string.Join(" ", parameters.Select(p => $"{p.Key}={p.Value}"));
}
