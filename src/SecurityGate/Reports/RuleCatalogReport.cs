using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SecurityGate.Findings;

namespace SecurityGate.Reports;

/// <summary>The rule catalog as markdown (README's rule table is generated from it) or JSON.</summary>
public static class RuleCatalogReport
{
    public static string Markdown(IEnumerable<RuleDescriptor> rules)
    {
        var text = new StringBuilder();
        text.Append("| Id | Title | Default severity | Category | References | Help |\n");
        text.Append("|---|---|---|---|---|---|\n");
        foreach (var rule in rules)
        {
            var refs = rule.References.Count == 0
                ? "–"
                : string.Join(", ", rule.References.Select(r => $"{r.Key}: `{r.Value}`"));
            text.Append($"| <a id=\"{rule.Id.ToLowerInvariant()}\"></a>{rule.Id} | {MarkdownText.Escape(rule.Title)} | " +
                        $"{rule.DefaultSeverity.ToName()} | {rule.Category.ToString().ToLowerInvariant()} | {refs} | " +
                        $"{MarkdownText.Escape(rule.Help)} |\n");
        }
        return text.ToString();
    }

    public static string Json(IEnumerable<RuleDescriptor> rules)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("title", rule.Title);
                json.WriteString("defaultSeverity", rule.DefaultSeverity.ToName());
                json.WriteString("category", rule.Category.ToString().ToLowerInvariant());
                json.WriteStartObject("refs");
                foreach (var (tool, id) in rule.References)
                    json.WriteString(tool, id);
                json.WriteEndObject();
                json.WriteString("help", rule.Help);
                json.WriteString("helpUri", rule.HelpUri);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
