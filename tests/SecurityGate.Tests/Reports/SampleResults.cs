using System.Collections.Immutable;
using SecurityGate.Configuration;
using SecurityGate.Findings;
using SecurityGate.Gate;

namespace SecurityGate.Tests.Reports;

/// <summary>A fixed result covering every shape a report must render: blocking, suppressed, live and hostile findings.</summary>
public static class SampleResults
{
    public static RuleDescriptor DebugRule { get; } = RuleDescriptor.Create("DJ001", "DEBUG is enabled", RuleCategory.Django,
        Severity.Error, "DEBUG must be False in production.", new Dictionary<string, string> { ["django"] = "security.W018" });

    public static RuleDescriptor HstsRule { get; } = RuleDescriptor.Create("DJ004", "HSTS is not enabled", RuleCategory.Django,
        Severity.Warning, "Set SECURE_HSTS_SECONDS.", new Dictionary<string, string> { ["django"] = "security.W004" });

    public static RuleDescriptor LiveRule { get; } = RuleDescriptor.Create("WEB001", "HTTP is not redirected to HTTPS",
        RuleCategory.Live, Severity.Error, "Redirect every HTTP request to HTTPS.",
        new Dictionary<string, string> { ["observatory"] = "redirection" });

    public static GateResult Mixed()
    {
        var findings = ImmutableArray.Create(
            DebugRule.CreateFinding("DEBUG is True in settings module app.settings.production (set in app/settings/base.py).",
                new SourceLocation("app/settings/base.py", 12, 1, 12, 13), "django:app.settings.production")
                with { Fingerprint = "0f1e2d3c4b5a69788796a5b4c3d2e1f0", Blocking = true },
            HstsRule.CreateFinding("SECURE_HSTS_SECONDS is 0 | `x` <b>bold</b> @octocat [link](http://evil) ::error::pwn",
                new SourceLocation("app/settings/production.py", 3, 1, 3, 24), "django:app.settings.production")
                with { Fingerprint = "11111111111111111111111111111111" },
            DebugRule.CreateFinding("DEBUG is True in settings module app.settings.dev.",
                new SourceLocation("app/settings/dev.py", 2, 1, 2, 13), "django:app.settings.dev")
                with
                {
                    Fingerprint = "22222222222222222222222222222222",
                    Suppression = new Suppression("local development only", new DateOnly(2027, 1, 31),
                        new SourceLocation("app/settings/dev.py", 1, 1, 1, 60)),
                },
            LiveRule.CreateFinding("http://staging.example.com/ answered 200 instead of redirecting to HTTPS.", null,
                "url:https://staging.example.com/") with { Fingerprint = "33333333333333333333333333333333", Blocking = true });

        var sites = ImmutableArray.Create(new SiteResult("https://staging.example.com/", true,
            new ObservatorySummary(85, "A-", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
            [
                KeyValuePair.Create("strict-transport-security",
                    new ObservatoryTestResult("hsts-implemented-max-age-at-least-six-months", 0, true)),
            ]))));

        return new GateResult(findings, sites, FailOn.Error, new ScanStats(42, 37), [DebugRule, HstsRule, LiveRule])
        {
            DjangoProjects = [new DjangoProjectReport("app.settings.production", "app/settings/production.py",
                "manage.py:9 sets DJANGO_SETTINGS_MODULE", "4.2", "requirements.txt:1 (Django ==4.2.16)")],
        };
    }

    public static GateResult Clean() =>
        new([], [], FailOn.Error, new ScanStats(3, 5), [DebugRule]);
}
