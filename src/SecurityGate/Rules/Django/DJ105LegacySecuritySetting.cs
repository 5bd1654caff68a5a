using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>A django-secure-era setting (or MIDDLEWARE_CLASSES) that modern Django silently ignores.</summary>
public sealed class DJ105LegacySecuritySetting : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ105", "Security setting does nothing in this Django",
        Severity.Warning,
        "django-secure was merged into Django 1.8; its settings and MIDDLEWARE_CLASSES (replaced by MIDDLEWARE in 2.0) are " +
        "ignored, so the protection they suggest is not there. Use the modern equivalent named in the message.");

    public RuleDescriptor Descriptor => Rule;

    /// <summary>Ignored names and what to use instead.</summary>
    public static IReadOnlyDictionary<string, string> Replacements { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SECURE_FRAME_DENY"] = "X_FRAME_OPTIONS = 'DENY' with django.middleware.clickjacking.XFrameOptionsMiddleware",
        ["SECURE_CHECKS"] = "Django's system checks (manage.py check --deploy) and SILENCED_SYSTEM_CHECKS",
        ["MIDDLEWARE_CLASSES"] = "MIDDLEWARE (MIDDLEWARE_CLASSES is ignored since Django 2.0)",
    };

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        foreach (var (name, replacement) in Replacements)
        {
            if (!settings.IsSet(name))
                continue;
            var setting = settings.Get(name);
            yield return Rule.At(settings, setting, $"{name} does nothing in Django ≥ 1.8 and is ignored; use {replacement}.");
        }
        foreach (var list in new[] { "INSTALLED_APPS", "MIDDLEWARE" })
            if (settings.StringItems(list)?.FirstOrDefault(item => item.StartsWith("djangosecure", StringComparison.Ordinal)) is { } item)
                yield return Rule.At(settings, settings.Get(list),
                    $"{list} lists {item} from django-secure, which modern Django replaces with django.middleware.security.SecurityMiddleware.");
    }
}
