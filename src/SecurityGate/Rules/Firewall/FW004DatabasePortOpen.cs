using SecurityGate.Findings;
using SecurityGate.Sources.Ufw;

namespace SecurityGate.Rules.Firewall;

/// <summary>A database or the Docker API port is allowed (or only rate-limited) from anywhere.</summary>
public sealed class FW004DatabasePortOpen : IRule<FirewallModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "FW004",
        title: "Database or Docker API port is open to anywhere",
        category: RuleCategory.Firewall,
        defaultSeverity: Severity.Error,
        help: "Delete the rule and let the app reach the database over localhost or a private network; if another host " +
              "needs it, allow only that address (`ufw allow from 10.0.0.5 to any port 5432 proto tcp`). PostgreSQL, " +
              "MySQL, Redis, MongoDB and Elasticsearch are scanned for constantly, and the Docker API on 2375 is root on " +
              "the host without a password.");

    /// <summary>PostgreSQL, MySQL/MariaDB, Redis, MongoDB, Elasticsearch, the unencrypted Docker API.</summary>
    private static readonly (int Port, string Service)[] Ports =
        [(5432, "PostgreSQL"), (3306, "MySQL"), (6379, "Redis"), (27017, "MongoDB"), (9200, "Elasticsearch"), (2375, "the Docker API")];

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(FirewallModel model)
    {
        foreach (var rule in model.Commands.Where(c => c.Kind == UfwCommandKind.Rule && c.Action is "allow" or "limit" && c.FromAnywhere))
        {
            var opened = Ports.Where(p => rule.Opens(p.Port)).Select(p => $"{p.Service} ({p.Port})").ToList();
            if (opened.Count > 0)
                yield return Rule.CreateFinding($"'{rule.Text}' opens {string.Join(", ", opened)} to every address.", rule.Location, FirewallModel.TargetOf(rule.Location));
        }
    }
}
