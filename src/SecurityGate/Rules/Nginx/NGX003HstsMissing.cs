using System.Globalization;
using System.Text.RegularExpressions;
using SecurityGate.Findings;
using SecurityGate.Sources.Nginx;

namespace SecurityGate.Rules.Nginx;

/// <summary>A TLS server sends no Strict-Transport-Security header, a short one, or one without <c>always</c>.</summary>
public sealed partial class NGX003HstsMissing : IRule<NginxConfig>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "NGX003",
        title: "HTTPS server does not send a lasting HSTS header",
        category: RuleCategory.Nginx,
        defaultSeverity: Severity.Warning,
        help: "Add `add_header Strict-Transport-Security \"max-age=31536000; includeSubDomains\" always;` to each TLS " +
              "server, so browsers never try plain HTTP again. Without `always` nginx omits it on error responses (a " +
              "note). Django's SECURE_HSTS_SECONDS can send it instead for proxied responses, but not for files nginx serves.",
        references: new Dictionary<string, string> { ["observatory"] = "strict-transport-security" });

    /// <summary>Six months: the Observatory's minimum for a passing HSTS max-age.</summary>
    public const long MinimumMaxAge = 15_768_000;

    private const string Always = "always";

    [GeneratedRegex(@"max-age\s*=\s*""?(?<seconds>[0-9]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MaxAgePattern();

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(NginxConfig config)
    {
        foreach (var server in config.Servers())
        {
            var tls = NginxListen.Of(server).FirstOrDefault(l => l.Tls);
            if (tls is null)
                continue;
            var hsts = server.Effective(NginxNames.AddHeader, NginxNames.AddHeaderInherit)
                .LastOrDefault(h => string.Equals(NginxRuleSupport.HeaderName(h), NginxRuleSupport.Hsts, StringComparison.OrdinalIgnoreCase));
            if (hsts is null)
            {
                yield return Rule.CreateFinding(
                    $"{server.Describe()} serves HTTPS without a Strict-Transport-Security header; browsers will still try plain HTTP first." +
                    NginxRuleSupport.IncludedFrom(config, tls.Directive.Location),
                    tls.Directive.Location, config.Target);
                continue;
            }
            var value = hsts.Argument(1) ?? "";
            var maxAge = MaxAgePattern().Match(value);
            if (maxAge.Success && long.TryParse(maxAge.Groups["seconds"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && seconds < MinimumMaxAge)
            {
                yield return Rule.CreateFinding(
                    $"{server.Describe()} sends Strict-Transport-Security with max-age={seconds}, under six months ({MinimumMaxAge} s)." +
                    NginxRuleSupport.IncludedFrom(config, hsts.Location),
                    hsts.Location, config.Target);
            }
            else if (!hsts.Arguments.Skip(2).Any(a => a.Value == Always))
            {
                yield return Rule.CreateFinding(
                    $"{server.Describe()} adds Strict-Transport-Security without 'always', so error responses (4xx, 5xx) go without it." +
                    NginxRuleSupport.IncludedFrom(config, hsts.Location),
                    hsts.Location, config.Target) with { Severity = Severity.Note };
            }
        }
    }
}
