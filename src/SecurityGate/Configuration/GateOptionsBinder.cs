using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using SecurityGate.Findings;

namespace SecurityGate.Configuration;

/// <summary>
/// Merges configuration layers with Microsoft.Extensions.Configuration (later layers win: built-in defaults &lt;
/// YAML file &lt; SECURITY_GATE__ variables &lt; action inputs &lt; command line) and binds the result to
/// the immutable <see cref="GateOptions"/>. Values were validated when each layer was built.
/// </summary>
public static class GateOptionsBinder
{
    public static GateOptions Bind(IEnumerable<ConfigLayer> layers, string repositoryPath)
    {
        var builder = new ConfigurationBuilder();
        foreach (var layer in layers)
            builder.AddInMemoryCollection(layer.Entries.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value.Value)));
        var configuration = builder.Build();

        var options = new GateOptions { RepositoryPath = Path.GetFullPath(repositoryPath) };

        if (configuration[ConfigKeys.FailOn] is { } failOnText && FailOnNames.TryParse(failOnText, out var failOn))
            options = options with { FailOn = failOn };

        options = options with
        {
            Include = [.. ConfigLayer.SplitList(configuration[ConfigKeys.PathsInclude])],
            Exclude = [.. ConfigLayer.SplitList(configuration[ConfigKeys.PathsExclude])],
            Urls = [.. ConfigLayer.SplitList(configuration[ConfigKeys.Urls]).Select(u => new Uri(u.Trim()))],
            DjangoSettingsModule = NullIfEmpty(configuration[ConfigKeys.DjangoSettingsModule]),
            EnvFile = NullIfEmpty(configuration[ConfigKeys.EnvFile]),
            RuleSeverities = RuleSeverities(configuration.GetSection(ConfigKeys.Rules)),
            AllowedRedirectHosts = [.. ConfigLayer.SplitList(configuration[ConfigKeys.AllowRedirectHosts])
                .Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0)],
            MinGrade = NullIfEmpty(configuration[ConfigKeys.MinGrade]),
        };

        if (DjangoVersion.TryParse(configuration[ConfigKeys.DjangoVersion], out var version))
            options = options with { DjangoVersion = version };
        if (double.TryParse(configuration[ConfigKeys.Timeout], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            options = options with { ProbeTimeout = TimeSpan.FromSeconds(seconds) };

        return options;
    }

    private static ImmutableDictionary<string, RuleSeverityOverride> RuleSeverities(IConfigurationSection rules)
    {
        var result = ImmutableDictionary.CreateBuilder<string, RuleSeverityOverride>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules.GetChildren())
        {
            var value = rule[ConfigKeys.RuleSeveritySuffix];
            if (value == ConfigSchema.RuleSeverityOff)
                result[rule.Key] = new RuleSeverityOverride(null);
            else if (SeverityNames.TryParse(value, out var severity))
                result[rule.Key] = new RuleSeverityOverride(severity);
        }
        return result.ToImmutable();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
