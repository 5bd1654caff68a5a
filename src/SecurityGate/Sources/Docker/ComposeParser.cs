using System.Collections.Immutable;
using System.Globalization;
using SecurityGate.Findings;
using SecurityGate.Sources.Yaml;
using YamlDotNet.RepresentationModel;

namespace SecurityGate.Sources.Docker;

/// <summary>
/// A compose file (<c>docker-compose*.yml</c>, <c>compose*.yaml</c>): services with their image, published ports
/// (short <c>"127.0.0.1:5432:5432/tcp"</c> and long syntax) and environment (map and list forms, build args).
/// </summary>
public static class ComposeParser
{
    public sealed record Result(ComposeModel Compose, EnvironmentModel Environment, string? Problem, int ProblemLine);

    public static Result Parse(string path, string text)
    {
        var yaml = YamlFile.Load(path, text);
        var empty = new Result(ComposeModel.Empty(path), new EnvironmentModel(path, EnvironmentFileKind.Compose, []), null, 0);
        if (!yaml.Ok)
            return empty with { Problem = $"invalid YAML: {yaml.Error}", ProblemLine = yaml.ErrorLine };
        if (yaml.RootMapping is not { } root)
            return empty;

        // Compose file format v1 had the services at the top level.
        var servicesNode = YamlNodes.Get(root, "services") ?? (YamlNodes.Get(root, "version") is null ? root : null);
        var services = ImmutableArray.CreateBuilder<ComposeService>();
        var assignments = ImmutableArray.CreateBuilder<EnvironmentAssignment>();
        foreach (var (nameNode, service) in YamlNodes.Entries(servicesNode))
        {
            if (YamlNodes.Text(nameNode) is not { } name || service is not YamlMappingNode)
                continue;
            var ports = YamlNodes.Items(YamlNodes.Get(service, "ports")).Select(p => Port(yaml, p)).OfType<ComposePort>();
            services.Add(new ComposeService(name, YamlNodes.Text(YamlNodes.Get(service, "image")), [.. ports], yaml.LocationOf(nameNode)));
            assignments.AddRange(Variables(yaml, YamlNodes.Get(service, "environment"), $"service {name} environment"));
            assignments.AddRange(Variables(yaml, YamlNodes.Get(YamlNodes.Get(service, "build"), "args"), $"service {name} build args"));
        }
        return new Result(new ComposeModel(path, services.ToImmutable()),
            new EnvironmentModel(path, EnvironmentFileKind.Compose, assignments.ToImmutable()), null, 0);
    }

    private static IEnumerable<EnvironmentAssignment> Variables(YamlFile yaml, YamlNode? node, string origin)
    {
        foreach (var (key, value) in YamlNodes.Entries(node))
        {
            if (YamlNodes.Text(key) is { } name && YamlNodes.Text(value) is { } text)
                yield return EnvironmentModel.Assign(name, text, origin, yaml.LocationOf(key));
        }
        foreach (var item in YamlNodes.Items(node))
        {
            // "- KEY" alone passes the variable through from the shell: nothing literal.
            if (YamlNodes.Text(item) is { } text && text.IndexOf('=') is var equals and > 0)
                yield return EnvironmentModel.Assign(text[..equals].Trim(), text[(equals + 1)..], origin, yaml.LocationOf(item));
        }
    }

    private static ComposePort? Port(YamlFile yaml, YamlNode node)
    {
        var location = yaml.LocationOf(node);
        if (node is YamlMappingNode)
        {
            var target = YamlNodes.Text(YamlNodes.Get(node, "target"));
            var published = YamlNodes.Text(YamlNodes.Get(node, "published")) ?? "";
            var hostIp = YamlNodes.Text(YamlNodes.Get(node, "host_ip")) ?? "";
            return new ComposePort($"target {target}", hostIp, published, Number(target), location);
        }
        return YamlNodes.Text(node) is { } text ? ParseShort(text, location) : null;
    }

    /// <summary><c>[[IP:]HOST_PORT:]CONTAINER_PORT[/PROTOCOL]</c>; an IPv6 host IP may be bracketed.</summary>
    public static ComposePort ParseShort(string text, SourceLocation location)
    {
        var body = text.Trim();
        var slash = body.IndexOf('/');
        if (slash >= 0)
            body = body[..slash];
        string hostIp = "", hostPort = "", container;
        if (body.StartsWith('[') && body.IndexOf(']') is var close and > 0)
        {
            hostIp = body[1..close];
            var parts = body[(close + 1)..].TrimStart(':').Split(':');
            (hostPort, container) = parts.Length >= 2 ? (parts[0], parts[^1]) : ("", parts[0]);
        }
        else
        {
            var parts = body.Split(':');
            container = parts[^1];
            if (parts.Length >= 2)
                hostPort = parts[^2];
            if (parts.Length >= 3)
                hostIp = string.Join(':', parts[..^2]);
        }
        return new ComposePort(text, hostIp, hostPort, Number(container), location);
    }

    /// <summary>The first port of "5432" or a range "9200-9300".</summary>
    private static int? Number(string? text)
    {
        var first = text?.Split('-')[0].Trim();
        return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
    }
}
