using System.Text.RegularExpressions;
using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>Server or X-Powered-By names software versions.</summary>
public sealed partial class WEB029ServerVersionDisclosed : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB029", title: "Server software version disclosed", category: RuleCategory.Live, defaultSeverity: Severity.Note,
        help: "Version numbers in Server or X-Powered-By tell attackers which known vulnerabilities to try. Hide them " +
              "(nginx: server_tokens off; Apache: ServerTokens Prod; remove X-Powered-By). 'WSGIServer' means Django's " +
              "development server (runserver), which must never serve production traffic: use gunicorn or uWSGI.");

    RuleDescriptor IRule.Descriptor => Descriptor;

    // "nginx/1.22.1", "Apache/2.4.57 (Debian)", "gunicorn/21.2.0", "PHP/8.2.7"
    [GeneratedRegex(@"/\s*v?\d+(\.\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Version();

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.Snapshot.GradedResponse is not { } page)
        {
            yield break;
        }

        var leaks = new List<string>();
        if (page.Headers.GetFirst("Server") is { } server && Version().IsMatch(server))
        {
            leaks.Add($"Server {LiveRuleSupport.Q(server)}");
        }

        if (page.Headers.GetFirst("X-Powered-By") is { } poweredBy)
        {
            leaks.Add($"X-Powered-By {LiveRuleSupport.Q(poweredBy)}");
        }

        if (leaks.Count == 0)
        {
            yield break;
        }

        var runserver = page.Headers.GetFirst("Server")?.Contains("WSGIServer", StringComparison.Ordinal) == true
            ? " WSGIServer is Django's development server (runserver), not meant for production."
            : "";
        yield return Descriptor.CreateFinding($"{page.Url} discloses {string.Join(" and ", leaks)}.{runserver}", null, site.Target);
    }
}
