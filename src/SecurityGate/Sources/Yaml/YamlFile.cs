using System.Collections.Immutable;
using SecurityGate.Findings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecurityGate.Sources.Yaml;

/// <summary>A YAML file loaded into nodes that keep their lines, or the reason it could not be loaded.</summary>
public sealed record YamlFile(string Path, ImmutableArray<YamlNode> Documents, string? Error, int ErrorLine)
{
    public bool Ok => Error is null;

    /// <summary>The first document's root when it is a mapping (compose, cloud-init), else null.</summary>
    public YamlMappingNode? RootMapping => Documents.IsEmpty ? null : Documents[0] as YamlMappingNode;

    /// <summary>Loads every document; never throws on bad input (the error and its line are data).</summary>
    public static YamlFile Load(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            // YamlDotNet prefixes "(Line: x, Col: y, Idx: z) - (…): "; keep only the reason.
            var message = e.Message;
            var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
            return new YamlFile(path, [], cut >= 0 ? message[(cut + 3)..] : message, (int)Math.Max(1, e.Start.Line));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            return new YamlFile(path, [], e.Message, 1);
        }
        return new YamlFile(path, [.. stream.Documents.Select(d => d.RootNode)], null, 0);
    }

    public SourceLocation LocationOf(YamlNode node) => At(Path, node);

    public static SourceLocation At(string path, YamlNode node) =>
        SourceLocation.At(path, (int)Math.Max(1, node.Start.Line), (int)Math.Max(1, node.Start.Column));
}

/// <summary>Small readers over YamlDotNet nodes that never throw on an unexpected shape.</summary>
public static class YamlNodes
{
    /// <summary>The scalar's text, or null for a non-scalar or an explicit null (<c>~</c>, <c>null</c>, empty).</summary>
    public static string? Text(YamlNode? node) =>
        node is YamlScalarNode { Value: { } value } scalar && !(scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && value is "" or "~" or "null" or "Null" or "NULL")
            ? value
            : null;

    public static YamlNode? Get(YamlNode? mapping, string key)
    {
        if (mapping is not YamlMappingNode map)
            return null;
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && name == key)
                return v;
        }
        return null;
    }

    /// <summary>The key node of <paramref name="key"/> (where a finding about the setting points).</summary>
    public static YamlNode? KeyNode(YamlNode? mapping, string key) =>
        mapping is YamlMappingNode map ? map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: { } name } && name == key) : null;

    public static IEnumerable<YamlNode> Items(YamlNode? node) =>
        node is YamlSequenceNode sequence ? sequence.Children : [];

    public static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries(YamlNode? node) =>
        node is YamlMappingNode map ? map.Children : [];

    /// <summary>YAML 1.1 booleans as PyYAML (cloud-init, Ansible) reads them; null when not a boolean.</summary>
    public static bool? Boolean(YamlNode? node) => Text(node)?.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => null,
    };

    /// <summary>Every node below <paramref name="node"/> (itself included), depth first.</summary>
    public static IEnumerable<YamlNode> Descendants(YamlNode node)
    {
        var stack = new Stack<YamlNode>();
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!seen.Add(current))
                continue; // aliases can make the graph share nodes
            yield return current;
            var children = current switch
            {
                YamlMappingNode map => map.Children.SelectMany(e => new[] { e.Key, e.Value }),
                YamlSequenceNode sequence => sequence.Children,
                _ => [],
            };
            foreach (var child in children.Reverse())
                stack.Push(child);
        }
    }
}
