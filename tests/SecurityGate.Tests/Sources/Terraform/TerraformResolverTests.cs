using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Terraform;

namespace SecurityGate.Tests.Sources.Terraform;

/// <summary>Variables, locals and .tfvars: what the gate can pin down, and how it says what it cannot.</summary>
public sealed class TerraformResolverTests
{
    private static TerraformModule Module(params (string Path, string Text)[] files)
    {
        var repo = new InMemoryRepositoryFiles(files.Select(f => KeyValuePair.Create(f.Path, f.Text)));
        return Assert.Single(TerraformSource.Load(repo).Models);
    }

    private static TerraformValue Resolve(TerraformModule module, string attribute = "x") =>
        module.Resolve(module.Files.SelectMany(f => f.Body.Blocks).Where(b => b.Type == "locals")
            .Select(b => b.Body.Attribute(attribute)).First(a => a is not null)!.Value);

    [Fact]
    public void A_variable_resolves_to_its_default_and_says_where_it_came_from()
    {
        var module = Module(("infra/main.tf", "variable \"cidrs\" {\n  default = [\"0.0.0.0/0\"]\n}\nlocals { x = var.cidrs }\n"));
        var list = Assert.IsType<TerraformList>(Resolve(module));
        var item = Assert.IsType<TerraformString>(Assert.Single(list.Items));
        Assert.Equal("0.0.0.0/0", item.Value);
        Assert.Equal("variable cidrs, default in infra/main.tf line 2", item.Origin);
        Assert.Equal(2, item.Location.Line);
    }

    [Fact]
    public void Tfvars_values_override_defaults_in_terraforms_order_and_name_the_file_used()
    {
        var module = Module(
            ("infra/variables.tf", "variable \"a\" { default = \"default\" }\nvariable \"b\" {}\nvariable \"c\" {}\n"),
            ("infra/main.tf", "locals {\n  x = var.a\n  y = var.b\n  z = var.c\n}\n"),
            ("infra/terraform.tfvars", "a = \"from-terraform-tfvars\"\nb = \"from-terraform-tfvars\"\n"),
            ("infra/z.auto.tfvars", "a = \"from-auto\"\n"),
            ("infra/prod.tfvars", "c = \"from-prod\"\n"),
            ("other/terraform.tfvars", "a = \"another module's value\"\n"));
        Assert.Equal("from-auto", Resolve(module, "x").AsText());
        Assert.Equal("variable a, set in infra/z.auto.tfvars line 1", Resolve(module, "x").Origin);
        Assert.Equal("from-terraform-tfvars", Resolve(module, "y").AsText());
        Assert.Equal("from-prod", Resolve(module, "z").AsText());
        Assert.Equal("variable c, set in infra/prod.tfvars line 1", Resolve(module, "z").Origin);
    }

    [Fact]
    public void A_variable_without_default_or_value_is_unknown_and_says_so()
    {
        var module = Module(("main.tf", "variable \"admin_cidrs\" {\n  type = list(string)\n}\nlocals { x = var.admin_cidrs }\n"));
        var unknown = Assert.IsType<TerraformUnknown>(Resolve(module));
        Assert.Equal(["variable admin_cidrs, which has no default and no value in a .tfvars file"], unknown.Reasons.ToArray());
        Assert.Equal(4, unknown.Location.Line);
    }

    [Fact]
    public void Undeclared_variables_locals_and_cycles_are_unknown_with_reasons()
    {
        var module = Module(("main.tf", "locals {\n  x = var.nope\n  y = local.missing\n  a = local.b\n  b = local.a\n}\n"));
        Assert.Contains("not declared", Assert.IsType<TerraformUnknown>(Resolve(module, "x")).Reasons[0]);
        Assert.Contains("not defined", Assert.IsType<TerraformUnknown>(Resolve(module, "y")).Reasons[0]);
        Assert.Contains("refers to itself", Assert.IsType<TerraformUnknown>(Resolve(module, "a")).Reasons[0]);
    }

    [Fact]
    public void Locals_indexes_templates_and_list_functions_are_followed()
    {
        var module = Module(("main.tf", """
            variable "office" { default = "203.0.113.7" }
            variable "rules" {
              default = { ssh = { port = 22, cidrs = ["0.0.0.0/0"] } }
            }
            locals {
              office_cidr = "${var.office}/32"
              x = local.office_cidr
              port = var.rules.ssh.port
              first = var.rules["ssh"].cidrs[0]
              all = concat(tolist([local.office_cidr]), var.rules.ssh.cidrs, [aws_vpc.main.cidr_block])
            }
            """));
        Assert.Equal("203.0.113.7/32", Resolve(module, "x").AsText());
        Assert.Equal("22", Resolve(module, "port").AsText());
        Assert.Equal("0.0.0.0/0", Resolve(module, "first").AsText());
        var all = Assert.IsType<TerraformList>(Resolve(module, "all")).Items;
        Assert.Equal(["203.0.113.7/32", "0.0.0.0/0", null], all.Select(i => i.AsText()));
        Assert.False(Assert.IsType<TerraformUnknown>(all[2]).DependsOnInputs); // another resource's attribute: known at apply time
    }

    [Fact]
    public void Expressions_the_gate_does_not_evaluate_depend_on_inputs_only_if_they_mention_them()
    {
        var module = Module(("main.tf", "variable \"vpc\" { default = \"10.0.0.0/16\" }\nlocals {\n  x = cidrsubnet(var.vpc, 8, 1)\n  y = cidrsubnet(aws_vpc.main.cidr_block, 8, 1)\n}\n"));
        Assert.Equal(["`cidrsubnet(var.vpc, 8, 1)`, which the gate does not evaluate"],
            Assert.IsType<TerraformUnknown>(Resolve(module, "x")).Reasons.ToArray());
        Assert.False(Assert.IsType<TerraformUnknown>(Resolve(module, "y")).DependsOnInputs);
    }

    [Fact]
    public void Dynamic_blocks_expand_over_a_known_for_each_with_their_iterator()
    {
        var module = Module(("main.tf", """
            variable "ports" { default = [22, 443] }
            resource "aws_security_group" "web" {
              dynamic "ingress" {
                for_each = var.ports
                iterator = port
                content {
                  from_port = port.value
                }
              }
              ingress { from_port = 80 }
            }
            """));
        var resource = Assert.Single(module.Resources);
        var ports = module.BlockInstances(resource.Body, "ingress")
            .Select(i => module.Resolve(i.Body.Attribute("from_port")!.Value, i.Scope).AsText());
        Assert.Equal(["80", "22", "443"], ports);
    }

    [Fact]
    public void Source_skips_downloaded_modules_and_reports_syntax_errors_as_SG001_with_their_line()
    {
        var repo = new InMemoryRepositoryFiles()
            .Add("infra/main.tf", "resource \"a\" \"b\" {\n  x = [1,\n}\n")
            .Add("infra/.terraform/modules/vpc/main.tf", "garbage {{{")
            .Add("values/terraform.tfvars", "a = 1\n");
        var output = TerraformSource.Load(repo);
        Assert.Equal(["infra"], output.Models.Select(m => m.Folder));
        var problem = Assert.Single(output.Problems);
        Assert.Equal("SG001", problem.RuleId);
        Assert.Equal(("infra/main.tf", 3), (problem.Location!.Path, problem.Location.Line));
        Assert.Equal("file:infra/main.tf", problem.Target);
    }
}
