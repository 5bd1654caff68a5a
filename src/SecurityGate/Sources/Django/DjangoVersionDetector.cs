using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SecurityGate.Configuration;
using SecurityGate.Sources.Discovery;

namespace SecurityGate.Sources.Django;

/// <summary>The Django version the gate judges against, and where that came from (for the report).</summary>
public sealed record DetectedDjangoVersion(DjangoVersion Version, string Source);

/// <summary>
/// Reads the Django version a repository pins, as pip would resolve it: lock files first (exact), then requirement
/// specifiers in requirements*.txt, pyproject.toml, Pipfile and setup.cfg, resolved to the newest Django feature
/// release they allow. Never runs anything.
/// </summary>
public static partial class DjangoVersionDetector
{
    /// <summary>Django feature releases, oldest first: a specifier resolves to the newest one it allows.</summary>
    public static IReadOnlyList<DjangoVersion> KnownReleases { get; } =
    [
        new(1, 11), new(2, 0), new(2, 1), new(2, 2), new(3, 0), new(3, 1), new(3, 2), new(4, 0), new(4, 1), new(4, 2),
        new(5, 0), new(5, 1), new(5, 2), new(6, 0),
    ];

    [GeneratedRegex(@"^\s*[""']?django(?:\[[^\]]*\])?\s*(?<spec>(?:[<>=!~]=?=?\s*[0-9][0-9A-Za-z.*+-]*\s*,?\s*)+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RequirementLine();

    [GeneratedRegex(@"[""']django(?:\[[^\]]*\])?\s*(?<spec>(?:[<>=!~]=?=?\s*[0-9][0-9A-Za-z.*+-]*\s*,?\s*)+)[""']", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuotedRequirement();

    [GeneratedRegex(@"^\s*django\s*=\s*(?:[""'](?<spec>[^""']*)[""']|\{[^}]*version\s*=\s*[""'](?<spec>[^""']*)[""'])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TomlKeyRequirement();

    [GeneratedRegex(@"(?<op>===|==|~=|>=|<=|!=|>|<|\^|~)?\s*(?<version>[0-9]+(?:\.[0-9*]+)*)", RegexOptions.CultureInvariant)]
    private static partial Regex Clause();

    public static DetectedDjangoVersion? Detect(IRepositoryFiles files)
    {
        var candidates = new List<(int Priority, DetectedDjangoVersion Detected)>();
        foreach (var path in files.Paths)
        {
            var name = path[(path.LastIndexOf('/') + 1)..].ToLowerInvariant();
            var priority = name switch
            {
                "poetry.lock" or "uv.lock" or "pipfile.lock" => 0,
                _ when name.StartsWith("requirements", StringComparison.Ordinal) && name.EndsWith(".txt", StringComparison.Ordinal) => 1,
                _ when path.Contains("requirements/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".txt", StringComparison.Ordinal) => 1,
                "pyproject.toml" or "pipfile" or "setup.cfg" => 2,
                _ => -1,
            };
            if (priority < 0 || files.Read(path) is not { Ok: true } read)
                continue;
            if (FromFile(name, read.Text, path) is { } detected)
                candidates.Add((priority + (IsDevelopmentFile(path) ? 10 : 0), detected));
        }
        return candidates.OrderBy(c => c.Priority).ThenBy(c => c.Detected.Source, StringComparer.Ordinal)
            .Select(c => c.Detected).FirstOrDefault();
    }

    /// <summary>Dev/test requirement files say less about production than the main ones.</summary>
    private static bool IsDevelopmentFile(string path) =>
        Regex.IsMatch(path, @"(^|[/_.-])(dev|develop|development|test|tests|testing|local|ci|lint|docs)([/_.-]|$)", RegexOptions.IgnoreCase);

    public static DetectedDjangoVersion? FromFile(string fileName, string text, string path)
    {
        switch (fileName)
        {
            case "pipfile.lock":
                return FromPipfileLock(text, path);
            case "poetry.lock" or "uv.lock":
                return FromTomlLock(text, path);
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = StripComment(lines[i]);
            var match = fileName switch
            {
                "pyproject.toml" or "pipfile" => TomlKeyRequirement().Match(line) is { Success: true } key ? key : QuotedRequirement().Match(line),
                _ => RequirementLine().Match(line),
            };
            if (!match.Success)
                continue;
            var spec = match.Groups["spec"].Value.Trim();
            if (Resolve(spec) is { } version)
                return new DetectedDjangoVersion(version, $"{path}:{i + 1} (Django {spec})");
        }
        return null;
    }

    /// <summary>The newest known Django feature release a specifier allows (PEP 440 subset plus Poetry's ^ and ~).</summary>
    public static DjangoVersion? Resolve(string specifier)
    {
        var clauses = specifier.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (clauses.Length == 0 || specifier.Trim() == "*")
            return null;
        var allowed = KnownReleases.ToList();
        foreach (var text in clauses)
        {
            var match = Clause().Match(text);
            if (!match.Success)
                return null;
            var op = match.Groups["op"].Success ? match.Groups["op"].Value : "==";
            var parts = match.Groups["version"].Value.Split('.');
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major))
                return null;
            var minor = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
            var wildcardMinor = parts.Length > 1 && parts[1] == "*";
            var v = new DjangoVersion(major, minor);
            allowed = op switch
            {
                "==" or "===" when wildcardMinor || parts.Length == 1 => allowed.Where(a => a.Major == major).ToList(),
                "==" or "===" => allowed.Where(a => a == v).DefaultIfEmpty(v).ToList(),
                "~=" when parts.Length <= 2 => allowed.Where(a => a >= v && a.Major == major).ToList(),
                "~=" or "~" => allowed.Where(a => a == v).DefaultIfEmpty(v).ToList(),
                "^" => allowed.Where(a => a >= v && a.Major == major).ToList(),
                ">=" => allowed.Where(a => a >= v).ToList(),
                ">" => allowed.Where(a => a > v || (a == v && parts.Length > 2)).ToList(),
                "<" => allowed.Where(a => a < v || (a == v && parts.Length > 2 && parts[2] != "0")).ToList(),
                "<=" => allowed.Where(a => a <= v).ToList(),
                "!=" => allowed.Where(a => parts.Length > 2 || a != v).ToList(),
                _ => allowed,
            };
        }
        return allowed.Count > 0 ? allowed.Max() : null;
    }

    private static DetectedDjangoVersion? FromPipfileLock(string text, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            foreach (var section in new[] { "default", "develop" })
                if (document.RootElement.TryGetProperty(section, out var packages) &&
                    packages.ValueKind == JsonValueKind.Object &&
                    packages.EnumerateObject().FirstOrDefault(p => p.Name.Equals("django", StringComparison.OrdinalIgnoreCase)) is
                        { Value.ValueKind: JsonValueKind.Object } django &&
                    django.Value.TryGetProperty("version", out var version) &&
                    Resolve(version.GetString() ?? "") is { } resolved)
                    return new DetectedDjangoVersion(resolved, $"{path} (Django {version.GetString()})");
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private static DetectedDjangoVersion? FromTomlLock(string text, string path)
    {
        var lines = text.Split('\n');
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (!Regex.IsMatch(lines[i], @"^\s*name\s*=\s*""django""\s*$", RegexOptions.IgnoreCase))
                continue;
            var version = Regex.Match(lines[i + 1], @"^\s*version\s*=\s*""(?<v>[^""]+)""");
            if (version.Success && Resolve("==" + version.Groups["v"].Value) is { } resolved)
                return new DetectedDjangoVersion(resolved, $"{path}:{i + 2} (Django {version.Groups["v"].Value})");
        }
        return null;
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#');
        return (hash >= 0 ? line[..hash] : line).TrimEnd('\r');
    }
}
