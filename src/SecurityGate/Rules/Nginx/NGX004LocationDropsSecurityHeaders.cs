using SecurityGate.Findings;
using SecurityGate.Sources.Nginx;

namespace SecurityGate.Rules.Nginx;

/// <summary>
/// A block with its own add_header inherits none of its parent's: a <c>location</c> adding Cache-Control silently
/// loses the server's HSTS, CSP and X-Frame-Options.
/// </summary>
public sealed class NGX004LocationDropsSecurityHeaders : IRule<NginxConfig>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "NGX004",
        title: "add_header in a block drops inherited security headers",
        category: RuleCategory.Nginx,
        defaultSeverity: Severity.Warning,
        help: "nginx inherits add_header from the enclosing level only when a level has no add_header of its own. " +
              "Repeat the security headers in that block (an `include snippets/security-headers.conf;` in each place " +
              "keeps them in one file), or on nginx 1.29.3+ set `add_header_inherit merge;`.",
        references: new Dictionary<string, string> { ["nginx"] = NginxNames.AddHeader });

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(NginxConfig config)
    {
        foreach (var scope in config.Scopes().Where(s => s.Parent is not null && s.IsHttpServer))
        {
            var own = scope.Own(NginxNames.AddHeader).ToList();
            if (own.Count == 0 || scope.InheritMode(NginxNames.AddHeaderInherit) == "merge")
                continue;
            var redeclared = own.Select(NginxRuleSupport.HeaderName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var dropped = scope.Parent!.Effective(NginxNames.AddHeader, NginxNames.AddHeaderInherit)
                .Select(NginxRuleSupport.HeaderName)
                .Where(name => NginxRuleSupport.SecurityHeaders.Contains(name) && !redeclared.Contains(name))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (dropped.Count == 0)
                continue;
            var first = own[0];
            yield return Rule.CreateFinding(
                $"{scope.Describe()} sets its own add_header ({string.Join(", ", own.Select(NginxRuleSupport.HeaderName).Distinct())}), " +
                $"so responses there lose {string.Join(", ", dropped)} set in {scope.Parent.Describe()}." +
                NginxRuleSupport.IncludedFrom(config, first.Location),
                first.Location, config.Target);
        }
    }
}
