using SecurityGate.Rules.Cloudflare;
using SecurityGate.Rules.CloudFirewall;
using SecurityGate.Sources.Terraform;

namespace SecurityGate.Gate;

/// <summary>Terraform modules (read, never run) and the cloud-firewall (NET) and Cloudflare (CF) rules over them.</summary>
public static class TerraformAnalyzer
{
    public static IAnalyzer Create() => new ModelAnalyzer<TerraformModule>("terraform",
        context => TerraformSource.Load(context.Files),
        [.. CloudFirewallRules.All, .. CloudflareRules.All]);
}
