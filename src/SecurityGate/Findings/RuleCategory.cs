namespace SecurityGate.Findings;

/// <summary>The family a rule belongs to; used for grouping in the catalog and SARIF tags.</summary>
public enum RuleCategory
{
    /// <summary>Findings about the gate's own inputs: unparseable files, suppressions, limits.</summary>
    Engine,
    Django,
    Ssh,
    Server,
    Firewall,
    Cloudflare,
    Nginx,
    Container,
    Live,
}
