namespace SecurityGate.Configuration;

/// <summary>
/// Configuration from <c>SECURITY_GATE__…</c> variables: <c>__</c> separates sections and <c>_</c> stands for a dash,
/// so <c>SECURITY_GATE__FAIL_ON=warning</c>, <c>SECURITY_GATE__RULES__DJ001__SEVERITY=off</c>,
/// <c>SECURITY_GATE__DJANGO__SETTINGS_MODULE=app.settings</c>. List values are separated by newlines or commas.
/// </summary>
public static class EnvironmentConfigLayer
{
    public const string Prefix = "SECURITY_GATE__";
    public const string LayerName = "environment";

    public static ConfigLayer From(IReadOnlyDictionary<string, string> environment, IReadOnlySet<string> knownRuleIds, string workingDirectory)
    {
        var builder = new ConfigLayerBuilder(LayerName, knownRuleIds);
        foreach (var (name, value) in environment.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
                continue;
            var sections = name[Prefix.Length..].Split("__");
            var isRule = sections.Length == 3 && sections[0].Equals("RULES", StringComparison.OrdinalIgnoreCase);
            var key = string.Join(':', sections.Select((s, i) =>
                isRule && i == 1 ? s.ToUpperInvariant() : s.Replace('_', '-').ToLowerInvariant()));
            var origin = $"environment variable {name}";
            if (ConfigSchema.IsList(key))
                builder.SetList(key, SplitListValue(value), origin);
            else if (key == ConfigKeys.EnvFile)
                builder.Set(key, Path.GetFullPath(value, workingDirectory), origin);
            else
                builder.Set(key, value, origin);
        }
        return builder.Build();
    }

    public static IReadOnlyList<string> SplitListValue(string value) =>
        value.Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
