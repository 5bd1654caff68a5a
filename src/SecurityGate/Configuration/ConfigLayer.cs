namespace SecurityGate.Configuration;

/// <summary>One value of one configuration layer and where it came from (for error messages).</summary>
public sealed record ConfigEntry(string Value, string Origin);

/// <summary>
/// One layer of configuration (defaults, the YAML file, SECURITY_GATE__ variables, action inputs, the command line).
/// Keys are canonical (<see cref="ConfigKeys"/>), lists are stored newline-joined so that a later layer's list
/// replaces an earlier one whole instead of being merged index by index.
/// </summary>
public sealed record ConfigLayer(string Name, IReadOnlyDictionary<string, ConfigEntry> Entries)
{
    public const char ListSeparator = '\n';

    public static string JoinList(IEnumerable<string> items) => string.Join(ListSeparator, items);

    public static IReadOnlyList<string> SplitList(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split(ListSeparator);
}

/// <summary>Builds a layer, validating every value as it is added so errors name their origin.</summary>
public sealed class ConfigLayerBuilder(string name, IReadOnlySet<string> knownRuleIds)
{
    private readonly Dictionary<string, ConfigEntry> _entries = new(StringComparer.OrdinalIgnoreCase);

    public ConfigLayerBuilder Set(string key, string value, string origin)
    {
        var normalized = ConfigSchema.Validate(key, value, origin, knownRuleIds);
        _entries[ConfigSchema.CanonicalKey(key)] = new ConfigEntry(normalized, origin);
        return this;
    }

    public ConfigLayerBuilder SetList(string key, IEnumerable<string> items, string origin) =>
        Set(key, ConfigLayer.JoinList(items), origin);

    public ConfigLayer Build() => new(name, new Dictionary<string, ConfigEntry>(_entries, StringComparer.OrdinalIgnoreCase));
}
