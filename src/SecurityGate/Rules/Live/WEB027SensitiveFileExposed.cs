using System.Text.RegularExpressions;
using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>/.git/HEAD, /.env or /settings.py is served with content that looks real (not a catch-all page).</summary>
public sealed partial class WEB027SensitiveFileExposed : IRule<LiveSite>
{
    private const int MinimumEnvAssignments = 1;

    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB027", title: "Sensitive file exposed", category: RuleCategory.Live, defaultSeverity: Severity.Error,
        help: "A served .git directory gives away the source and its history, a .env file or settings.py the SECRET_KEY " +
              "and database passwords. Do not deploy them into the web root, deny dotfiles at the proxy " +
              "(nginx: location ~ /\\. { deny all; }), then rotate every secret they contained.");

    RuleDescriptor IRule.Descriptor => Descriptor;

    [GeneratedRegex(@"^(ref: refs/\S+|[0-9a-f]{40}|[0-9a-f]{64})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex GitHead();

    [GeneratedRegex(@"^\s*(export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex EnvAssignment();

    [GeneratedRegex(@"^\s*(SECRET_KEY|INSTALLED_APPS|DATABASES|MIDDLEWARE|ALLOWED_HOSTS)\s*=", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SettingsAssignment();

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        var notFoundBody = site.Snapshot.PathFor(PathPurpose.RandomNotFound)?.Response?.Body;
        foreach (var probe in site.Snapshot.Paths.Where(p => p.Purpose == PathPurpose.SensitiveFile))
        {
            if (probe.Response is not { StatusCode: 200 } response || response.Body == notFoundBody || !Plausible(probe.Path, response.Body))
            {
                continue; // not served, or the same page every unknown path gets
            }

            yield return Descriptor.CreateFinding(
                $"{response.Url} is served ({response.Body.Length} characters that look like a real {Describe(probe.Path)}).",
                null, site.Target);
        }
    }

    private static bool Plausible(string path, string body)
    {
        if (body.TrimStart().StartsWith('<'))
        {
            return false; // an HTML page, not the file
        }

        return path switch
        {
            "/.git/HEAD" => GitHead().IsMatch(body.Trim()),
            "/.env" => EnvAssignment().Matches(body).Count >= MinimumEnvAssignments,
            "/settings.py" => SettingsAssignment().IsMatch(body),
            _ => false,
        };
    }

    private static string Describe(string path) => path switch
    {
        "/.git/HEAD" => "Git HEAD (the repository is downloadable)",
        "/.env" => "environment file with assignments",
        _ => "Django settings module",
    };
}
