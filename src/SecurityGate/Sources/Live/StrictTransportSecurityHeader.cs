using System.Globalization;

namespace SecurityGate.Sources.Live;

/// <summary>
/// A Strict-Transport-Security header read the way browsers read it (RFC 6797 §6.1): directives separated by ';',
/// names case-insensitive, values optionally quoted; a repeated directive or a max-age that is not a number
/// makes the header invalid and browsers ignore it. Only the first header line counts (§8.1).
/// </summary>
public sealed record StrictTransportSecurityHeader(long? MaxAge, bool IncludeSubDomains, bool Preload, string? Problem)
{
    public bool IsValid => Problem is null;

    public static StrictTransportSecurityHeader Parse(string value)
    {
        long? maxAge = null;
        bool includeSubDomains = false, preload = false;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rawDirective in value.Split(';'))
        {
            var directive = rawDirective.Trim();
            if (directive.Length == 0)
            {
                continue;
            }

            var equals = directive.IndexOf('=');
            var name = (equals < 0 ? directive : directive[..equals]).Trim().ToLowerInvariant();
            var argument = equals < 0 ? null : directive[(equals + 1)..].Trim().Trim('"');
            if (!seen.Add(name))
            {
                return Invalid($"directive '{name}' appears twice");
            }

            switch (name)
            {
                case "max-age":
                    if (argument is null || argument.Length == 0 || !argument.All(char.IsAsciiDigit)
                        || !long.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                    {
                        return Invalid("max-age is not a whole number of seconds");
                    }

                    maxAge = seconds;
                    break;
                case "includesubdomains":
                    includeSubDomains = true;
                    break;
                case "preload":
                    preload = true;
                    break;
            }
        }

        return maxAge is null
            ? new StrictTransportSecurityHeader(null, includeSubDomains, preload, "max-age is missing")
            : new StrictTransportSecurityHeader(maxAge, includeSubDomains, preload, null);

        StrictTransportSecurityHeader Invalid(string problem) => new(null, false, false, problem);
    }
}
