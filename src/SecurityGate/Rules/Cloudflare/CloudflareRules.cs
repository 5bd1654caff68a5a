using SecurityGate.Sources.Terraform;

namespace SecurityGate.Rules.Cloudflare;

/// <summary>Every Cloudflare rule, in id order: what the catalog lists and the gate runs over each Terraform module.</summary>
public static class CloudflareRules
{
    public static IReadOnlyList<IRule<TerraformModule>> All { get; } =
    [
        new CF000CloudflareDependsOnUnsetInput(),
        new CF001SslFlexible(),
        new CF002SslOff(),
        new CF003AlwaysUseHttpsOff(),
        new CF004MinTlsVersionBelow12(),
        new CF005EdgeHstsDisabledOrShort(),
        new CF006AutomaticHttpsRewritesOff(),
    ];
}
