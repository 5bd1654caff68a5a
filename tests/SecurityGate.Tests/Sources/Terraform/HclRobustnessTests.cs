using System.Text;
using SecurityGate.Rules.Cloudflare;
using SecurityGate.Rules.CloudFirewall;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Terraform;

namespace SecurityGate.Tests.Sources.Terraform;

/// <summary>Mutated and random Terraform must never make the parser, the source or a rule throw.</summary>
public sealed class HclRobustnessTests
{
    private const int Seed = 1729;
    private const int Iterations = 800;
    private const string Alphabet = "abc_-=\"'\\#/*{}[]()<>$%!?:.,+\t\r\n0123456789 EOF";

    private static readonly string[] Seeds =
    [
        """
        variable "cidrs" {
          default = ["0.0.0.0/0"]
        }
        locals { ports = [22, 5432] }
        resource "aws_security_group" "web" {
          ingress {
            from_port   = local.ports[0]
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = var.cidrs
          }
          dynamic "ingress" {
            for_each = var.cidrs
            content { cidr_blocks = [ingress.value] }
          }
        }
        """,
        """
        resource "cloudflare_zone_settings_override" "z" {
          settings {
            ssl = "${var.mode}"
            min_tls_version = "1.0" // old
            security_header { enabled = true, max_age = 60 }
          }
        }
        data "x" "y" { v = <<-EOT
            ${upper("a")} %{ if true }b%{ endif }
            EOT
        }
        """,
        """
        resource "google_compute_firewall" "g" {
          allow { protocol = "tcp" ports = ["22", "1000-2000"] }
          source_ranges = concat(["0.0.0.0/0"], var.extra)
          x = { for k, v in var.m : k => v if v != null }
          y = [for i in range(3) : i * 2]
          z = a ? b : c == d ? e : f
        }
        """,
    ];

    [Fact]
    public void Mutated_and_random_terraform_never_throws()
    {
        var random = new Random(Seed);
        var rules = CloudFirewallRules.All.Concat(CloudflareRules.All).ToList();
        for (var i = 0; i < Iterations; i++)
        {
            var text = i % 5 == 4 ? RandomText(random) : Mutate(random, Seeds[i % Seeds.Length]);
            var repo = new InMemoryRepositoryFiles()
                .Add("infra/main.tf", text)
                .Add("infra/terraform.tfvars", Mutate(random, "cidrs = [\"0.0.0.0/0\"]\nmode = \"flexible\"\n"));
            var output = TerraformSource.Load(repo);
            foreach (var module in output.Models)
                foreach (var rule in rules)
                    _ = rule.Evaluate(module).ToList();
            Assert.All(output.Problems, p => Assert.Equal("SG001", p.RuleId));
        }
    }

    private static string Mutate(Random random, string text)
    {
        var chars = new StringBuilder(text);
        var edits = random.Next(0, 8);
        for (var e = 0; e < edits && chars.Length > 0; e++)
        {
            var at = random.Next(chars.Length);
            switch (random.Next(4))
            {
                case 0: chars.Remove(at, Math.Min(chars.Length - at, random.Next(1, 10))); break;
                case 1: chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                case 2: chars.Insert(at, text.AsSpan(random.Next(text.Length / 2), random.Next(1, text.Length / 2))); break;
                default: chars[at] = Alphabet[random.Next(Alphabet.Length)]; break;
            }
        }
        return chars.ToString();
    }

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        var length = random.Next(0, 400);
        for (var i = 0; i < length; i++)
            text.Append(random.Next(20) == 0 ? (char)random.Next(0, 0xD7FF) : Alphabet[random.Next(Alphabet.Length)]);
        return text.ToString();
    }
}
