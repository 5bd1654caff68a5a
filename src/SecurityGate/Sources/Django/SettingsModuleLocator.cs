using System.Text.RegularExpressions;
using SecurityGate.Sources.Discovery;

namespace SecurityGate.Sources.Django;

/// <summary>A settings module to judge as a deploy target, and why it was chosen.</summary>
/// <param name="Module">Dotted module name, e.g. <c>shop.settings.production</c>.</param>
/// <param name="ProjectRoot">Repo-relative folder the module name is resolved from ("" for the repository root).</param>
/// <param name="ChosenBecause">For the report: <c>manage.py:7 sets DJANGO_SETTINGS_MODULE</c>, <c>configuration</c>, …</param>
public sealed record SettingsModuleCandidate(string Module, string ProjectRoot, string ChosenBecause);

/// <summary>
/// Decides which settings modules are deploy targets, without running anything: the configured module; else the
/// defaults that manage.py/wsgi.py/asgi.py put in DJANGO_SETTINGS_MODULE; else modules named production/prod/settings
/// that look like Django settings. Development, test and local modules are not judged as deploy targets while a
/// production one exists. A repository with several Django projects yields one candidate per project.
/// </summary>
public static partial class SettingsModuleLocator
{
    [GeneratedRegex(@"DJANGO_SETTINGS_MODULE[""']\s*,\s*[""'](?<module>[A-Za-z_][A-Za-z0-9_.]*)[""']", RegexOptions.CultureInvariant)]
    private static partial Regex SetDefault();

    [GeneratedRegex(@"^(INSTALLED_APPS|MIDDLEWARE|SECRET_KEY|ROOT_URLCONF|ALLOWED_HOSTS)\s*[=:+]|^from\s+\.\w*\s+import\s+\*|^class\s+\w+\s*\([^)]*Configuration\b", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeSettings();

    /// <summary>Module name segments that mark a module as not deployed.</summary>
    public static IReadOnlySet<string> NonDeployNames { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "dev", "develop", "development", "local", "test", "tests", "testing", "ci", "debug",
        "dev_settings", "local_settings", "test_settings", "settings_dev", "settings_local", "settings_test",
    };

    public static IReadOnlySet<string> EntryPointNames { get; } = new HashSet<string>(StringComparer.Ordinal)
        { "manage.py", "wsgi.py", "asgi.py" };

    public static IReadOnlyList<string> ProductionNames { get; } = ["production", "prod", "settings_production", "settings_prod", "settings"];

    public static IReadOnlyList<SettingsModuleCandidate> Locate(IRepositoryFiles files, string? configuredModule)
    {
        var managePyFolders = files.Paths.Where(p => FileName(p) == "manage.py").Select(Folder).ToList();

        if (configuredModule is not null)
        {
            var root = managePyFolders.FirstOrDefault(f => ModuleExists(files, f, configuredModule))
                       ?? (ModuleExists(files, "", configuredModule) ? "" : managePyFolders.FirstOrDefault() ?? "");
            return [new SettingsModuleCandidate(configuredModule, root, "configuration (django.settings-module)")];
        }

        var found = new List<SettingsModuleCandidate>();
        foreach (var path in files.Paths.Where(p => EntryPointNames.Contains(FileName(p))))
        {
            if (files.Read(path) is not { Ok: true } read)
                continue;
            foreach (Match match in SetDefault().Matches(read.Text))
            {
                var module = match.Groups["module"].Value;
                var line = read.Text[..match.Index].Count(c => c == '\n') + 1;
                var root = ProjectRootFor(files, path, module, managePyFolders);
                found.Add(new SettingsModuleCandidate(module, root, $"{path}:{line} sets DJANGO_SETTINGS_MODULE"));
            }
        }

        var byProject = found.GroupBy(c => c.ProjectRoot).ToList();
        var result = new List<SettingsModuleCandidate>();
        foreach (var project in byProject)
        {
            var deployable = project.Where(c => !IsNonDeploy(c.Module)).DistinctBy(c => c.Module).ToList();
            if (deployable.Count == 0)
                deployable = ProductionSiblings(files, project.Key, project.First()).ToList();
            result.AddRange(deployable.Count > 0 ? deployable : project.DistinctBy(c => c.Module));
        }

        if (result.Count == 0)
            result.AddRange(ByName(files));
        return result.OrderBy(c => c.ProjectRoot, StringComparer.Ordinal).ThenBy(c => c.Module, StringComparer.Ordinal).ToList();
    }

    public static bool IsNonDeploy(string module) => module.Split('.').Any(NonDeployNames.Contains);

    /// <summary>Repo-relative path of a module's file under a project root, or null.</summary>
    public static string? ModulePath(IRepositoryFiles files, string projectRoot, string module)
    {
        var relative = module.Replace('.', '/');
        var prefix = projectRoot.Length == 0 ? "" : projectRoot + "/";
        foreach (var candidate in new[] { $"{prefix}{relative}.py", $"{prefix}{relative}/__init__.py" })
            if (files.Exists(candidate))
                return candidate;
        return null;
    }

    private static bool ModuleExists(IRepositoryFiles files, string root, string module) => ModulePath(files, root, module) is not null;

    private static string ProjectRootFor(IRepositoryFiles files, string entryPoint, string module, IReadOnlyList<string> managePyFolders)
    {
        // Walk up from the entry point to the nearest folder the module resolves from.
        for (var folder = Folder(entryPoint); ; folder = Folder(folder))
        {
            if (ModuleExists(files, folder, module))
                return folder;
            if (folder.Length == 0)
                break;
        }
        return managePyFolders.FirstOrDefault(f => ModuleExists(files, f, module)) ?? Folder(entryPoint);
    }

    /// <summary>When an entry point names only a dev module, look for production siblings in the same package.</summary>
    private static IEnumerable<SettingsModuleCandidate> ProductionSiblings(IRepositoryFiles files, string root, SettingsModuleCandidate devCandidate)
    {
        var package = devCandidate.Module.Contains('.') ? devCandidate.Module[..devCandidate.Module.LastIndexOf('.')] : "";
        foreach (var name in ProductionNames)
        {
            var module = package.Length == 0 ? name : $"{package}.{name}";
            if (ModuleExists(files, root, module))
                yield return new SettingsModuleCandidate(module, root,
                    $"{devCandidate.ChosenBecause} a development module; {module} is its production sibling");
        }
    }

    private static IEnumerable<SettingsModuleCandidate> ByName(IRepositoryFiles files)
    {
        foreach (var path in files.Paths)
        {
            var name = FileName(path);
            if (!name.EndsWith(".py", StringComparison.Ordinal) || !ProductionNames.Contains(name[..^3]))
                continue;
            if (files.Read(path) is not { Ok: true } read || !LooksLikeSettings().IsMatch(read.Text))
                continue;
            // Resolve the module name from the nearest folder without __init__.py above the package chain.
            var folder = Folder(path);
            var parts = new List<string> { name[..^3] };
            while (folder.Length > 0 && files.Exists(folder + "/__init__.py"))
            {
                parts.Insert(0, FileName(folder));
                folder = Folder(folder);
            }
            yield return new SettingsModuleCandidate(string.Join('.', parts), folder, $"{path} is named like production settings");
        }
    }

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static string Folder(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : "";
}
