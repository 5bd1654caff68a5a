using SecurityGate.Findings;
using SecurityGate.Sources.Terraform;

namespace SecurityGate.Rules.Cloudflare;

/// <summary>A security-relevant zone setting depends on a variable with no value in the repository: the gate says so instead of guessing.</summary>
public sealed class CF000CloudflareDependsOnUnsetInput : IRule<TerraformModule>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "CF000",
        title: "Cloudflare setting depends on a value the gate cannot see",
        category: RuleCategory.Cloudflare,
        defaultSeverity: Severity.Warning,
        help: "The setting's value (or, for cloudflare_zone_setting, its setting_id) comes from a variable with no default " +
              "and no value in a .tfvars file beside the module, or from an expression the gate does not evaluate, so " +
              "CF001–CF006 could not judge it. Give the variable a default or commit the .tfvars the deploy uses.");

    /// <summary>The settings CF001–CF006 judge; others (caching, minification…) are not worth a warning when unknown.</summary>
    private static readonly HashSet<string> Judged = new(StringComparer.Ordinal)
    {
        CloudflareZoneSettings.Ssl, CloudflareZoneSettings.AlwaysUseHttps, CloudflareZoneSettings.MinTlsVersion,
        CloudflareZoneSettings.SecurityHeader, CloudflareZoneSettings.AutomaticHttpsRewrites,
    };

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(TerraformModule module)
    {
        foreach (var setting in CloudflareZoneSettings.All(module))
        {
            if (setting.NameValue is { DependsOnInputs: true } name)
            {
                yield return Rule.CreateFinding(
                    $"Cannot tell which setting {setting.Resource.Address} sets: its setting_id depends on {name.Reasons[0]}.",
                    name.ReportedAt(setting.Location), setting.Resource.Target);
                continue;
            }
            if (setting.Name is null || !Judged.Contains(setting.Name))
                continue;
            var values = setting.Value is TerraformObject obj ? obj.Members.Values : [setting.Value];
            if (values.OfType<TerraformUnknown>().FirstOrDefault(u => u.DependsOnInputs) is { } unknown)
            {
                yield return Rule.CreateFinding(
                    $"Cannot judge {setting.Name} of {setting.Resource.Address}: it depends on {unknown.Reasons[0]}.",
                    unknown.ReportedAt(setting.Location), setting.Resource.Target);
            }
        }
    }
}
