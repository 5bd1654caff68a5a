using SecurityGate.Findings;
using SecurityGate.Sources.Terraform;

namespace SecurityGate.Rules.Cloudflare;

/// <summary>HSTS at the edge is switched off, or its max-age is under a year.</summary>
public sealed class CF005EdgeHstsDisabledOrShort : IRule<TerraformModule>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "CF005",
        title: "Cloudflare HSTS disabled or short",
        category: RuleCategory.Cloudflare,
        defaultSeverity: Severity.Warning,
        help: "Strict-Transport-Security tells browsers to never use plain HTTP for the site again; without it (or with " +
              "a short max-age) a visitor can be downgraded on their next visit. Enable security_header with max_age of " +
              "at least 31536000 (one year), or send the header from Django with SECURE_HSTS_SECONDS.",
        references: new Dictionary<string, string> { ["django"] = "security.W004" });

    /// <summary>One year, the minimum the HSTS preload list accepts and Django's check suggests.</summary>
    public const int OneYearSeconds = 31536000;

    private const string Enabled = "enabled";
    private const string MaxAge = "max_age";

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(TerraformModule module)
    {
        foreach (var setting in CloudflareZoneSettings.Named(module, CloudflareZoneSettings.SecurityHeader))
        {
            if (setting.Value is not TerraformObject hsts || hsts.Member(Enabled) is not TerraformBool enabled)
                continue;
            var name = setting.Resource.Address;
            if (!enabled.Value)
            {
                yield return Rule.CreateFinding($"{name} disables HSTS at the edge (security_header enabled = false).",
                    enabled.ReportedAt(setting.Location), setting.Resource.Target);
                continue;
            }
            switch (hsts.Member(MaxAge))
            {
                case null:
                    yield return Rule.CreateFinding(
                        $"{name} enables HSTS at the edge without max_age; Cloudflare's default of 0 tells browsers nothing.",
                        setting.Location, setting.Resource.Target);
                    break;
                case TerraformNumber { Value: < OneYearSeconds } maxAge:
                    yield return Rule.CreateFinding(
                        $"{name} sends HSTS with max_age = {maxAge.AsText()}{(maxAge.Origin is { } o ? $" (from {o})" : "")}, under one year ({OneYearSeconds}).",
                        maxAge.ReportedAt(setting.Location), setting.Resource.Target);
                    break;
            }
        }
    }
}
