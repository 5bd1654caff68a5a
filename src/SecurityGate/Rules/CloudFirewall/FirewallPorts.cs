using System.Globalization;
using System.Net;

namespace SecurityGate.Rules.CloudFirewall;

/// <summary>Ports whose services must never face the whole internet: remote administration and data stores.</summary>
internal static class FirewallPorts
{
    public const int Lowest = 0;
    public const int Highest = 65535;

    public const int Ssh = 22;
    public const int DockerApi = 2375;
    public const int DockerApiTls = 2376;
    public const int MySql = 3306;
    public const int Rdp = 3389;
    public const int PostgreSql = 5432;
    public const int CouchDb = 5984;
    public const int Redis = 6379;
    public const int Elasticsearch = 9200;
    public const int Memcached = 11211;
    public const int MongoDb = 27017;

    /// <summary>In port order, with the service named in messages.</summary>
    public static IReadOnlyList<(int Port, string Service)> Sensitive { get; } =
    [
        (Ssh, "SSH"),
        (DockerApi, "Docker API"),
        (DockerApiTls, "Docker API over TLS"),
        (MySql, "MySQL"),
        (Rdp, "RDP"),
        (PostgreSql, "PostgreSQL"),
        (CouchDb, "CouchDB"),
        (Redis, "Redis"),
        (Elasticsearch, "Elasticsearch"),
        (Memcached, "Memcached"),
        (MongoDb, "MongoDB"),
    ];
}

/// <summary>An inclusive range of TCP/UDP ports.</summary>
internal readonly record struct PortRange(int From, int To)
{
    public static PortRange Everything { get; } = new(FirewallPorts.Lowest, FirewallPorts.Highest);

    public bool Contains(int port) => From <= port && port <= To;

    /// <summary>Port 0 is not a usable port, so 1-65535 is as good as 0-65535.</summary>
    public bool IsEverything => From <= 1 && To >= FirewallPorts.Highest;

    public override string ToString() => From == To ? From.ToString(CultureInfo.InvariantCulture) : $"{From}-{To}";

    /// <summary>"22", "8000-9000" or " 22 - 23 ".</summary>
    public static bool TryParse(string text, out PortRange range)
    {
        range = default;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var to))
            return false;
        range = new PortRange(Math.Min(from, to), Math.Max(from, to));
        return true;
    }
}

/// <summary>Which source addresses mean "anyone on the internet".</summary>
internal static class FirewallAddresses
{
    /// <summary>Azure's service tag and wildcards for every address.</summary>
    private static readonly HashSet<string> WorldWords = new(StringComparer.OrdinalIgnoreCase) { "*", "Internet", "Any" };

    /// <summary>A /0 network of either family (0.0.0.0/0, ::/0), or a word meaning every address.</summary>
    public static bool IsWorld(string address)
    {
        var text = address.Trim();
        if (WorldWords.Contains(text))
            return true;
        var slash = text.IndexOf('/');
        return slash > 0
            && IPAddress.TryParse(text[..slash], out _)
            && int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            && prefix == 0;
    }
}
