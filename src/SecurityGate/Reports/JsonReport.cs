using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SecurityGate.Configuration;
using SecurityGate.Findings;
using SecurityGate.Gate;

namespace SecurityGate.Reports;

/// <summary>
/// The JSON report: a contract other tools read (documented in README, pinned by a golden-file test).
/// Written field by field so the shape and order never drift with a serializer setting.
/// </summary>
public static class JsonReport
{
    public const int FormatVersion = 1;

    public static string Render(GateResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", FormatVersion);
            json.WriteStartObject("tool");
            json.WriteString("name", ToolInfo.Name);
            json.WriteString("version", ToolInfo.Version);
            json.WriteEndObject();
            json.WriteString("verdict", result.Verdict == Verdict.Fail ? "fail" : "pass");
            json.WriteString("failOn", result.FailOn.ToName());

            json.WriteStartArray("findings");
            foreach (var finding in result.Findings)
                WriteFinding(json, finding);
            json.WriteEndArray();

            json.WriteStartArray("sites");
            foreach (var site in result.Sites)
                WriteSite(json, site);
            json.WriteEndArray();

            json.WriteStartArray("django");
            foreach (var project in result.DjangoProjects)
            {
                json.WriteStartObject();
                json.WriteString("settingsModule", project.SettingsModule);
                json.WriteString("path", project.ModulePath);
                json.WriteString("chosenBecause", project.ChosenBecause);
                json.WriteString("version", project.DjangoVersion);
                json.WriteString("versionSource", project.VersionSource);
                if (project.ConfigurationClass is not null)
                {
                    json.WriteString("configurationClass", project.ConfigurationClass);
                    json.WriteString("configurationChosenBecause", project.ConfigurationChosenBecause);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartObject("stats");
            json.WriteNumber("filesScanned", result.Stats.FilesScanned);
            json.WriteNumber("durationMs", result.Stats.DurationMs);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteString("title", finding.Title);
        json.WriteString("severity", finding.Severity.ToName());
        json.WriteBoolean("blocking", finding.Blocking);
        json.WriteString("message", finding.Message);
        if (finding.Location is { } location)
        {
            json.WriteStartObject("location");
            json.WriteString("path", location.Path);
            json.WriteNumber("line", location.Line);
            json.WriteNumber("column", location.Column);
            json.WriteNumber("endLine", location.EndLine);
            json.WriteNumber("endColumn", location.EndColumn);
            json.WriteEndObject();
        }
        else
            json.WriteNull("location");
        json.WriteString("target", finding.Target);
        json.WriteStartObject("refs");
        foreach (var (tool, id) in finding.References)
            json.WriteString(tool, id);
        json.WriteEndObject();
        json.WriteString("fingerprint", finding.Fingerprint);
        if (finding.Suppression is { } suppression)
        {
            json.WriteStartObject("suppressed");
            json.WriteString("reason", suppression.Reason);
            if (suppression.Until is { } until)
                json.WriteString("until", until.ToString("yyyy-MM-dd"));
            else
                json.WriteNull("until");
            json.WriteEndObject();
        }
        else
            json.WriteNull("suppressed");
        json.WriteEndObject();
    }

    private static void WriteSite(Utf8JsonWriter json, SiteResult site)
    {
        json.WriteStartObject();
        json.WriteString("url", site.Url);
        json.WriteBoolean("reachable", site.Reachable);
        if (site.Observatory is { } observatory)
        {
            json.WriteStartObject("observatory");
            json.WriteNumber("score", observatory.Score);
            json.WriteString("grade", observatory.Grade);
            json.WriteStartObject("tests");
            foreach (var (name, test) in observatory.Tests)
            {
                json.WriteStartObject(name);
                json.WriteString("result", test.Result);
                json.WriteNumber("scoreModifier", test.ScoreModifier);
                json.WriteBoolean("pass", test.Pass);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        else
            json.WriteNull("observatory");
        json.WriteEndObject();
    }
}
