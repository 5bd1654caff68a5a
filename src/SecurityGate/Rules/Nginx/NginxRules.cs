using SecurityGate.Sources.Nginx;

namespace SecurityGate.Rules.Nginx;

/// <summary>Every nginx rule, in id order: what the catalog lists and the gate runs over each nginx config.</summary>
public static class NginxRules
{
    public static IReadOnlyList<IRule<NginxConfig>> All { get; } =
    [
        new NGX000NotJudged(),
        new NGX001HttpNotRedirected(),
        new NGX002ObsoleteTlsProtocols(),
        new NGX003HstsMissing(),
        new NGX004LocationDropsSecurityHeaders(),
        new NGX005ServerTokensOn(),
        new NGX006ProxyWithoutForwardedProto(),
    ];
}
