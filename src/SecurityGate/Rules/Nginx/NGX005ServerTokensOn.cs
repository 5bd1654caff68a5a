using SecurityGate.Findings;
using SecurityGate.Sources.Nginx;

namespace SecurityGate.Rules.Nginx;

/// <summary><c>server_tokens on</c>: every response and error page names the exact nginx version.</summary>
public sealed class NGX005ServerTokensOn : IRule<NginxConfig>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "NGX005",
        title: "nginx version is disclosed",
        category: RuleCategory.Nginx,
        defaultSeverity: Severity.Note,
        help: "Set `server_tokens off;` in the http block. With `on` (also nginx's default) the Server header and error " +
              "pages name the exact version, which tells an attacker which known vulnerabilities to try.",
        references: new Dictionary<string, string> { ["nginx"] = NginxNames.ServerTokens });

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(NginxConfig config)
    {
        foreach (var directive in config.AllDirectives().Where(d => d.Name == NginxNames.ServerTokens))
        {
            if (directive.Argument(0) is not ("on" or "build"))
                continue;
            yield return Rule.CreateFinding(
                $"server_tokens {directive.Argument(0)} shows the nginx version in the Server header and on error pages." +
                NginxRuleSupport.IncludedFrom(config, directive.Location),
                directive.Location, config.Target);
        }
    }
}
