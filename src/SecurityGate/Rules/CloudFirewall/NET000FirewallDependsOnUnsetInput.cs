using SecurityGate.Findings;
using SecurityGate.Sources.Terraform;

namespace SecurityGate.Rules.CloudFirewall;

/// <summary>
/// Whether a firewall rule opens a sensitive port to the internet depends on a variable with no value in the
/// repository (or an expression the gate does not evaluate): the gate says so instead of guessing.
/// </summary>
public sealed class NET000FirewallDependsOnUnsetInput : IRule<TerraformModule>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "NET000",
        title: "Firewall rule depends on a value the gate cannot see",
        category: RuleCategory.Firewall,
        defaultSeverity: Severity.Warning,
        help: "The rule's source addresses or ports come from a variable with no default and no value in a .tfvars " +
              "file beside the module, or from an expression the gate does not evaluate, so NET001/NET002 could not " +
              "judge it. Give the variable a safe default or commit the .tfvars the deploy uses; otherwise check by hand " +
              "that admin and database ports are not opened to 0.0.0.0/0.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(TerraformModule module)
    {
        foreach (var rule in FirewallIngress.All(module))
        {
            var mayBeWorld = rule.OpenToWorld || rule.SourcesUnknown;
            var mayBeRisky = rule.IsRisky || rule.PortsUnknown;
            var alreadyReported = rule.OpenToWorld && rule.IsRisky;
            if (!mayBeWorld || !mayBeRisky || alreadyReported || rule.Unknowns.IsEmpty)
                continue;
            var unknown = rule.Unknowns[0];
            var known = rule.IsRisky ? $" It opens {(rule.OpensAllPorts ? "every port" : rule.DescribeSensitivePorts())}." : "";
            yield return Rule.CreateFinding(
                $"Cannot tell whether {rule.Name} opens admin or database ports to the internet: its {unknown.What} " +
                $"depend on {unknown.Reason}.{known}",
                unknown.Location, rule.Resource.Target);
        }
    }
}
