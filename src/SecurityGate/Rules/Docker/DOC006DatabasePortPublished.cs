using SecurityGate.Findings;
using SecurityGate.Sources.Docker;

namespace SecurityGate.Rules.Docker;

/// <summary>A compose database service publishes its port on every interface of the host.</summary>
public sealed class DOC006DatabasePortPublished : IRule<ComposeModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "DOC006",
        title: "Database port is published on all interfaces",
        category: RuleCategory.Container,
        defaultSeverity: Severity.Error,
        help: "Drop the `ports:` entry (services on the same compose network reach the database by its service name), or " +
              "bind it to loopback: `\"127.0.0.1:5432:5432\"`. Docker writes its own iptables rules, so a published port " +
              "is open to the internet even when UFW denies it.");

    /// <summary>Images whose name holds one of these run a database or a data store.</summary>
    private static readonly string[] DatabaseImages = ["postgres", "postgis", "mysql", "mariadb", "redis", "valkey", "mongo", "elasticsearch", "opensearch", "memcached"];

    /// <summary>PostgreSQL, MySQL/MariaDB, Redis, MongoDB, Elasticsearch, Memcached.</summary>
    private static readonly HashSet<int> DatabasePorts = [5432, 3306, 6379, 27017, 9200, 11211];

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(ComposeModel compose)
    {
        if (compose.IsDevelopment)
            yield break;
        foreach (var service in compose.Services)
        {
            var image = service.Image?.Split('@')[0] ?? "";
            var imageName = image.Contains(':') && !image[(image.LastIndexOf(':') + 1)..].Contains('/') ? image[..image.LastIndexOf(':')] : image;
            var isDatabaseImage = DatabaseImages.Any(d => imageName.Contains(d, StringComparison.OrdinalIgnoreCase));
            foreach (var port in service.Ports.Where(p => p.OnAllInterfaces))
            {
                if (!isDatabaseImage && !(port.ContainerPort is { } number && DatabasePorts.Contains(number)))
                    continue;
                var what = isDatabaseImage ? $"{service.Name} ({service.Image})" : $"{service.Name} (port {port.ContainerPort})";
                yield return Rule.CreateFinding(
                    $"Service {what} publishes '{port.Raw}' on all interfaces; Docker bypasses UFW, so the database is reachable from the internet. Bind it to 127.0.0.1 or drop the mapping.",
                    port.Location, compose.Target);
            }
        }
    }
}
