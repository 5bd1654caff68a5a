using System.Numerics;
using SecurityGate.Findings;
using SecurityGate.Sources.Django;
using SecurityGate.Sources.Python;

namespace SecurityGate.Rules.Django;

/// <summary>HSTS is on but for less than a year (the seed's "usually a year"; preload lists require it).</summary>
public sealed class DJ108HstsShorterThanAYear : IRule<DjangoSettings>
{
    public const int OneYearSeconds = 31_536_000;

    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ108", "HSTS max-age is shorter than a year", Severity.Warning,
        "Once HTTPS works everywhere, raise SECURE_HSTS_SECONDS to at least 31536000 (one year): a short max-age lets the " +
        "protection lapse between visits, and the preload list requires a year.");

    public RuleDescriptor Descriptor => Rule;

    private static string Readable(BigInteger seconds) =>
        seconds >= 86400 ? $"{seconds / 86400} days" : seconds >= 3600 ? $"{seconds / 3600} hours" : $"{seconds} seconds";

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        var setting = settings.Get("SECURE_HSTS_SECONDS");
        BigInteger? seconds = setting.Value switch
        {
            PythonInt i => i.Value,
            PythonFloat f => new BigInteger(f.Value),
            _ => null,
        };
        if (seconds is { } value && value > 0 && value < OneYearSeconds)
            yield return Rule.At(settings, setting,
                $"SECURE_HSTS_SECONDS is {value} ({Readable(value)}), less than a year {DjangoRule.In(settings, setting)}.");
    }
}
