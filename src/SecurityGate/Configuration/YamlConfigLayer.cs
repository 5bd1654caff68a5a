using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecurityGate.Configuration;

/// <summary>
/// Reads the YAML configuration file into a <see cref="ConfigLayer"/>, keeping the line of every value so that
/// unknown keys, wrong types and bad values are reported as <c>file:line</c> with the valid choices.
/// </summary>
public static class YamlConfigLayer
{
    public const string LayerName = "config file";

    /// <param name="displayPath">The path to show in messages.</param>
    /// <param name="text">The file's contents.</param>
    /// <param name="baseDirectory">Relative paths inside the file (env-file) are resolved against this folder.</param>
    public static ConfigLayer Parse(string displayPath, string text, string baseDirectory, IReadOnlySet<string> knownRuleIds)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ConfigurationException($"{displayPath}:{e.Start.Line}: invalid YAML: {Describe(e)}");
        }

        var builder = new ConfigLayerBuilder(LayerName, knownRuleIds);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return builder.Build();
        if (stream.Documents.Count > 1)
            throw new ConfigurationException($"{displayPath}:{stream.Documents[1].RootNode.Start.Line}: expected one YAML document, found several.");
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new ConfigurationException($"{displayPath}:{stream.Documents[0].RootNode.Start.Line}: the configuration must be a mapping of keys such as 'fail-on: error'.");

        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = KeyOf(keyNode, displayPath);
            if (!ConfigSchema.Sections.TryGetValue(key, out var subKeys))
                throw new ConfigurationException(
                    $"{Origin(displayPath, keyNode)}: unknown key '{key}'; valid keys: {string.Join(", ", ConfigSchema.Sections.Keys)}.");

            switch (key)
            {
                case "paths" or "django":
                    foreach (var (subKeyNode, subValue) in Mapping(valueNode, key, displayPath).Children)
                    {
                        var subKey = KeyOf(subKeyNode, displayPath);
                        if (!subKeys.Contains(subKey))
                            throw new ConfigurationException(
                                $"{Origin(displayPath, subKeyNode)}: unknown key '{key}.{subKey}'; valid keys under '{key}': {string.Join(", ", subKeys)}.");
                        var fullKey = $"{key}:{subKey}";
                        if (ConfigSchema.IsList(fullKey))
                            builder.SetList(fullKey, List(subValue, $"{key}.{subKey}", displayPath), Origin(displayPath, subValue));
                        else
                            builder.Set(fullKey, Scalar(subValue, $"{key}.{subKey}", displayPath), Origin(displayPath, subValue));
                    }
                    break;

                case "rules":
                    foreach (var (ruleNode, ruleValue) in Mapping(valueNode, key, displayPath).Children)
                    {
                        var ruleId = KeyOf(ruleNode, displayPath);
                        var ruleMapping = Mapping(ruleValue, $"rules.{ruleId}", displayPath);
                        foreach (var (settingNode, settingValue) in ruleMapping.Children)
                        {
                            var setting = KeyOf(settingNode, displayPath);
                            if (setting != ConfigKeys.RuleSeveritySuffix)
                                throw new ConfigurationException(
                                    $"{Origin(displayPath, settingNode)}: unknown key 'rules.{ruleId}.{setting}'; valid keys under a rule: severity.");
                            builder.Set(ConfigKeys.RuleSeverity(ruleId), Scalar(settingValue, $"rules.{ruleId}.severity", displayPath),
                                Origin(displayPath, settingValue));
                        }
                    }
                    break;

                case "urls" or "allow-redirect-hosts":
                    builder.SetList(key, List(valueNode, key, displayPath), Origin(displayPath, valueNode));
                    break;

                case "env-file":
                    var envFile = Scalar(valueNode, key, displayPath);
                    builder.Set(ConfigKeys.EnvFile, Path.GetFullPath(envFile, baseDirectory), Origin(displayPath, valueNode));
                    break;

                default:
                    builder.Set(key, Scalar(valueNode, key, displayPath), Origin(displayPath, valueNode));
                    break;
            }
        }

        return builder.Build();
    }

    private static string Origin(string path, YamlNode node) => $"{path}:{node.Start.Line}";

    private static string KeyOf(YamlNode node, string path) => node is YamlScalarNode { Value: { } value }
        ? value
        : throw new ConfigurationException($"{Origin(path, node)}: keys must be plain strings.");

    private static YamlMappingNode Mapping(YamlNode node, string key, string path) => node as YamlMappingNode
        ?? throw new ConfigurationException($"{Origin(path, node)}: '{key}' must be a mapping (nested keys), got {Kind(node)}.");

    private static string Scalar(YamlNode node, string key, string path) => node is YamlScalarNode { Value: { } value }
        ? value
        : throw new ConfigurationException($"{Origin(path, node)}: '{key}' must be a single value, got {Kind(node)}.");

    private static IReadOnlyList<string> List(YamlNode node, string key, string path)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } single })
            return [single];
        if (node is not YamlSequenceNode sequence)
            throw new ConfigurationException($"{Origin(path, node)}: '{key}' must be a list of strings, got {Kind(node)}.");
        return sequence.Children
            .Select(item => item is YamlScalarNode { Value: { } value }
                ? value
                : throw new ConfigurationException($"{Origin(path, item)}: items of '{key}' must be strings, got {Kind(item)}."))
            .ToList();
    }

    private static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: null or "" } => "an empty value",
        _ => "a single value",
    };

    private static string Describe(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        // YamlDotNet prefixes messages with "(Line: x, Col: y, Idx: z) - (…): "; the line is already in our prefix.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
