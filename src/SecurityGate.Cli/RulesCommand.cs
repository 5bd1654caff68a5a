using System.CommandLine;
using SecurityGate.Gate;
using SecurityGate.Reports;

namespace SecurityGate.Cli;

/// <summary><c>security-gate rules [--format markdown|json]</c>: the rule catalog.</summary>
public static class RulesCommand
{
    public static Command Create(CliConsole console, Func<IReadOnlyList<IAnalyzer>> analyzers)
    {
        var format = new Option<string>("--format")
        {
            Description = "Output format: markdown (the README's rule table) or json.",
            DefaultValueFactory = _ => "markdown",
        };
        format.AcceptOnlyFromAmong("markdown", "json");
        var command = new Command("rules", "List every rule: id, title, default severity, category, references, help.") { format };
        command.SetAction(async (parseResult, _) =>
        {
            var rules = new GateRunner(analyzers()).Rules;
            var text = parseResult.GetValue(format) == "json" ? RuleCatalogReport.Json(rules) : RuleCatalogReport.Markdown(rules);
            await console.Out.WriteAsync(text);
            return 0;
        });
        return command;
    }
}
