using SecurityGate.Findings;
using SecurityGate.Rules.CloudFirewall;
using SecurityGate.Sources.Terraform;
using SecurityGate.Tests.TestSupport;

namespace SecurityGate.Tests.Rules.CloudFirewall;

/// <summary>
/// Runs the NET rules over Fixtures/NETnnn/{bad,good}_* (single .tf files or module folders with .tfvars); see
/// <see cref="TerraformFixtures"/> for the <c># expect:</c> convention.
/// </summary>
public sealed class CloudFirewallRuleFixtureTests
{
    private static readonly string FixtureRoot = Path.Combine(AppContext.BaseDirectory, "Rules", "CloudFirewall", "Fixtures");

    public static TheoryData<string, string> BadFixtures() => TerraformFixtures.Entries(FixtureRoot, "bad_");
    public static TheoryData<string, string> GoodFixtures() => TerraformFixtures.Entries(FixtureRoot, "good_");

    [Theory]
    [MemberData(nameof(BadFixtures))]
    public void Bad_fixture_produces_exactly_the_expected_findings(string ruleId, string entry) =>
        TerraformFixtures.AssertBadFixture(FixtureRoot, ruleId, entry, CloudFirewallRules.All);

    [Theory]
    [MemberData(nameof(GoodFixtures))]
    public void Good_fixture_produces_nothing_from_its_rule(string ruleId, string entry) =>
        TerraformFixtures.AssertGoodFixture(FixtureRoot, ruleId, entry, CloudFirewallRules.All);

    [Fact]
    public void Every_rule_has_a_bad_and_a_good_fixture_and_survives_an_empty_module()
    {
        TerraformFixtures.AssertEveryRuleHasFixtures(FixtureRoot, CloudFirewallRules.All);
        Assert.All(CloudFirewallRules.All, r => Assert.Equal(RuleCategory.Firewall, r.Descriptor.Category));
    }

    [Fact]
    public void A_finding_names_the_resource_address_the_ports_and_where_the_cidr_came_from()
    {
        var module = TerraformModule.Create("infra", [
            HclFile.Parse("infra/main.tf", """
                resource "aws_security_group" "web" {
                  ingress {
                    from_port   = 5000
                    to_port     = 6000
                    protocol    = "tcp"
                    cidr_blocks = var.admin_cidrs
                  }
                }
                """),
            HclFile.Parse("infra/variables.tf", "variable \"admin_cidrs\" {}\n"),
        ], [HclFile.Parse("infra/terraform.tfvars", "admin_cidrs = [\"0.0.0.0/0\"]\n")]);
        var finding = Assert.Single(new NET001AdminOrDatabasePortOpenToInternet().Evaluate(module));
        Assert.Equal("file:infra/main.tf", finding.Target);
        Assert.Equal(new SourceLocation("infra/main.tf", 6, 5, 6, 34), finding.Location);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("aws_security_group.web (rule on line 2) opens port range 5000-6000, which includes 5432 (PostgreSQL) and " +
            "5984 (CouchDB) to 0.0.0.0/0 (from variable admin_cidrs, set in infra/terraform.tfvars line 1).", finding.Message);
    }

    [Fact]
    public void An_unset_variable_is_reported_as_a_dependency_not_guessed()
    {
        var module = TerraformModule.FromText("main.tf", """
            variable "admin_cidrs" { type = list(string) }
            resource "hcloud_firewall" "admin" {
              rule {
                direction  = "in"
                protocol   = "tcp"
                port       = "22"
                source_ips = var.admin_cidrs
              }
            }
            """);
        Assert.Empty(new NET001AdminOrDatabasePortOpenToInternet().Evaluate(module));
        var finding = Assert.Single(new NET000FirewallDependsOnUnsetInput().Evaluate(module));
        Assert.Equal(7, finding.Location!.Line);
        Assert.Equal("Cannot tell whether hcloud_firewall.admin (rule on line 3) opens admin or database ports to the internet: " +
            "its source addresses depend on variable admin_cidrs, which has no default and no value in a .tfvars file. " +
            "It opens port 22 (SSH).", finding.Message);
    }
}
