using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SecurityGate.Findings;
using SecurityGate.Gate;

namespace SecurityGate.Reports;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning: rules from the catalog, one result per finding, repo-relative URIs
/// against <c>%SRCROOT%</c>, and our stable fingerprint as <c>primaryLocationLineHash</c> (the only
/// partial fingerprint GitHub reads), so alerts survive unrelated edits.
/// </summary>
public static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SarifVersion = "2.1.0";
    public const string SourceRootId = "%SRCROOT%";

    /// <summary>GitHub maps security-severity to critical/high/medium/low; these land in high/medium/low.</summary>
    public static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Error => "8.0",
        Severity.Warning => "5.0",
        _ => "2.0",
    };

    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    public static string Render(GateResult result)
    {
        var ruleIndex = result.Rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", SarifVersion);
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", ToolInfo.Name);
            json.WriteString("version", ToolInfo.Version);
            json.WriteString("semanticVersion", ToolInfo.Version);
            json.WriteString("informationUri", ToolInfo.InformationUri);
            json.WriteStartArray("rules");
            foreach (var rule in result.Rules)
                WriteRule(json, rule);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRootId);
            json.WriteStartObject("description");
            json.WriteString("text", "The root of the scanned repository.");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var finding in result.Findings)
                WriteResult(json, finding, ruleIndex);
            json.WriteEndArray();

            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteRule(Utf8JsonWriter json, RuleDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", PascalName(rule.Title));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", rule.Help);
        json.WriteEndObject();
        json.WriteStartObject("help");
        json.WriteString("text", rule.Help);
        json.WriteString("markdown", $"**{rule.Title}**\n\n{rule.Help}\n\n[{rule.Id} in the rule table]({rule.HelpUri})");
        json.WriteEndObject();
        json.WriteString("helpUri", rule.HelpUri);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue("security");
        json.WriteStringValue(rule.Category.ToString().ToLowerInvariant());
        json.WriteEndArray();
        json.WriteString("security-severity", SecuritySeverity(rule.DefaultSeverity));
        json.WriteString("precision", "high");
        foreach (var (tool, id) in rule.References)
            json.WriteString("refs." + tool, id);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, IReadOnlyDictionary<string, int> ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        if (ruleIndex.TryGetValue(finding.RuleId, out var index))
            json.WriteNumber("ruleIndex", index);
        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();

        json.WriteStartArray("locations");
        json.WriteStartObject();
        if (finding.Location is { } location)
        {
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", EscapeUri(location.Path));
            json.WriteString("uriBaseId", SourceRootId);
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", location.Line);
            json.WriteNumber("startColumn", location.Column);
            json.WriteNumber("endLine", location.EndLine);
            json.WriteNumber("endColumn", Math.Max(location.EndColumn, location.Line == location.EndLine ? location.Column : 1));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        else
        {
            // Live findings have no file: name what was probed as a logical location.
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", finding.Target);
            json.WriteString("kind", "resource");
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartObject("partialFingerprints");
        json.WriteString("primaryLocationLineHash", finding.Fingerprint);
        json.WriteEndObject();

        if (finding.Suppression is { } suppression)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "inSource");
            json.WriteString("status", "accepted");
            json.WriteString("justification", suppression.Until is { } until
                ? $"{suppression.Reason} (until {until:yyyy-MM-dd})"
                : suppression.Reason);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("properties");
        json.WriteString("target", finding.Target);
        json.WriteBoolean("blocking", finding.Blocking);
        foreach (var (tool, id) in finding.References)
            json.WriteString("refs." + tool, id);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Repo-relative paths become relative URI references (spaces and other specials percent-encoded).</summary>
    private static string EscapeUri(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static string PascalName(string title) =>
        string.Concat(title.Split([' ', '-', '/', '_', '.', '(', ')', ',', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
