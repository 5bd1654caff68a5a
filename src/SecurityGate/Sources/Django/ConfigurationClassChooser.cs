using System.Text.RegularExpressions;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Python;

namespace SecurityGate.Sources.Django;

/// <summary>The django-configurations class judged as the deploy's settings, and why.</summary>
public sealed record ConfigurationClassChoice(string ClassName, string ChosenBecause);

/// <summary>
/// Picks the django-configurations class a deploy uses, as the library does from DJANGO_CONFIGURATION: the value the
/// production environment (env file) gives; else the default manage.py/wsgi.py/asgi.py set with
/// <c>os.environ.setdefault("DJANGO_CONFIGURATION", "Dev")</c> — unless it names a development class and a class is
/// named like production (Prod, Production, Live); else a production-named class; else the one class no other derives
/// from that is not a development class.
/// </summary>
public static partial class ConfigurationClassChooser
{
    public const string Variable = "DJANGO_CONFIGURATION";

    [GeneratedRegex(@"DJANGO_CONFIGURATION[""']\s*,\s*[""'](?<name>[A-Za-z_][A-Za-z0-9_]*)[""']", RegexOptions.CultureInvariant)]
    private static partial Regex SetDefault();

    private static readonly HashSet<string> ProductionNames = new(StringComparer.OrdinalIgnoreCase) { "prod", "production", "live" };

    public static ConfigurationClassChoice? Choose(IReadOnlyList<PythonConfigurationClass> classes, IRepositoryFiles files,
        string projectRoot, IReadOnlyDictionary<string, string> environment)
    {
        if (classes.Count == 0)
            return null;
        var names = classes.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var production = classes.FirstOrDefault(c => ProductionNames.Contains(c.Name));
        var missing = "";

        if (environment.TryGetValue(Variable, out var configured))
        {
            if (names.Contains(configured))
                return new ConfigurationClassChoice(configured, $"the production environment sets {Variable}={configured}");
            missing = $"the production environment sets {Variable}={configured}, which the module does not define; ";
        }

        foreach (var (name, where) in SetDefaults(files, projectRoot))
        {
            if (!names.Contains(name))
                continue;
            if (IsDevelopment(name) && production is not null)
                return new ConfigurationClassChoice(production.Name,
                    $"{missing}{where} sets {Variable} to {name}, a development class; {production.Name} is named like production");
            return new ConfigurationClassChoice(name, $"{missing}{where} sets {Variable}");
        }

        if (production is not null)
            return new ConfigurationClassChoice(production.Name, $"{missing}{Variable} is not set; {production.Name} is named like production");

        var derivedFrom = classes.SelectMany(c => c.BaseNames).ToHashSet(StringComparer.Ordinal);
        var leaves = classes.Where(c => !derivedFrom.Contains(c.Name) && !IsDevelopment(c.Name)).ToList();
        var chosen = leaves.FirstOrDefault() ?? classes[^1];
        var why = leaves.Count == 1
            ? "it is the only configuration class that is neither a base of another nor a development class"
            : $"no class is named like production; {chosen.Name} is the first of {string.Join(", ", (leaves.Count > 0 ? leaves : classes).Select(c => c.Name))} (set {Variable} in the env file to choose)";
        return new ConfigurationClassChoice(chosen.Name, $"{missing}{Variable} is not set; {why}");
    }

    private static bool IsDevelopment(string className) => SettingsModuleLocator.NonDeployNames.Contains(className);

    /// <summary>The DJANGO_CONFIGURATION defaults the project's entry points set, with where.</summary>
    private static IEnumerable<(string Name, string Where)> SetDefaults(IRepositoryFiles files, string projectRoot)
    {
        var prefix = projectRoot.Length == 0 ? "" : projectRoot + "/";
        foreach (var path in files.Paths.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)
                                                    && SettingsModuleLocator.EntryPointNames.Contains(p[(p.LastIndexOf('/') + 1)..]))
                     .Order(StringComparer.Ordinal))
        {
            if (files.Read(path) is not { Ok: true } read)
                continue;
            foreach (Match match in SetDefault().Matches(read.Text))
                yield return (match.Groups["name"].Value, $"{path}:{read.Text[..match.Index].Count(c => c == '\n') + 1}");
        }
    }
}
