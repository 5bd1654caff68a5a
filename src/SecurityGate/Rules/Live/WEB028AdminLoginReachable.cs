using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>The Django admin login page is publicly reachable at its default path.</summary>
public sealed class WEB028AdminLoginReachable : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB028", title: "Django admin login publicly reachable", category: RuleCategory.Live, defaultSeverity: Severity.Note,
        help: "The admin at the default /admin/ path is the first thing credential-stuffing bots try. Consider restricting " +
              "it by network (VPN, IP allow-list at the proxy), moving it to a less obvious path, and requiring 2FA " +
              "(django-otp) and rate limiting (django-axes).");

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.Snapshot.PathFor(PathPurpose.AdminLogin)?.Response is not { StatusCode: 200 } response || !LooksLikeAdmin(response.Body))
        {
            yield break;
        }

        yield return Descriptor.CreateFinding($"The Django admin login is publicly reachable at {response.Url}.", null, site.Target);
    }

    private static bool LooksLikeAdmin(string body) =>
        body.Contains("csrfmiddlewaretoken", StringComparison.Ordinal)
        && (body.Contains("Django administration", StringComparison.Ordinal) || body.Contains("id=\"login-form\"", StringComparison.Ordinal));
}
