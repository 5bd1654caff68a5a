using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>Shared shape of findings about a judged settings module: target, location and the Django check id.</summary>
internal static class DjangoRule
{
    public static RuleDescriptor Describe(string id, string title, Severity severity, string help, string? djangoCheck = null) =>
        RuleDescriptor.Create(id, title, RuleCategory.Django, severity, help,
            djangoCheck is null ? null : new Dictionary<string, string> { ["django"] = djangoCheck });

    /// <summary>A finding at the line that set <paramref name="setting"/> (or the module's first line for a default).</summary>
    public static Finding At(this RuleDescriptor descriptor, DjangoSettings settings, DjangoSetting setting, string message,
        string? djangoCheck = null) =>
        descriptor.CreateFinding(message, settings.LocationOf(setting), settings.Target,
            djangoCheck is null ? null : new Dictionary<string, string> { ["django"] = djangoCheck });

    /// <summary>"in settings module X (set in file:line)" — the tail every message shares.</summary>
    public static string In(DjangoSettings settings, DjangoSetting setting) =>
        $"in settings module {settings.Module} ({setting.Provenance})";

    /// <summary>True when the check's "is not True" (4.1+) or "falsy" (before) condition holds; null when unknown.</summary>
    public static bool? IsNotSecure(DjangoSettings settings, DjangoSetting setting) =>
        DjangoDefaults.RequiresExactTrue(settings.Version) ? !setting.IsExactlyTrue : !setting.IsTruthy;
}
