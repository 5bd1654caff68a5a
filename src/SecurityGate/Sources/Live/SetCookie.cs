using System.Globalization;

namespace SecurityGate.Sources.Live;

/// <summary>The SameSite attribute as a browser reads it. An unknown value reads as <see cref="Unspecified"/>.</summary>
public enum SameSiteMode
{
    Unspecified,
    Strict,
    Lax,
    None,
}

/// <summary>The RFC 6265bis name prefixes that add requirements to a cookie.</summary>
public enum CookiePrefix
{
    None,

    /// <summary><c>__Secure-</c>: must be Secure.</summary>
    Secure,

    /// <summary><c>__Host-</c>: must be Secure, have no Domain and Path=/.</summary>
    Host,
}

/// <summary>
/// One Set-Cookie header line, parsed the way RFC 6265 (and tough-cookie, the Observatory's jar) parses it:
/// the name=value pair before the first ';' (name must be non-empty), then attributes, the last one of a kind wins.
/// <see cref="Raw"/> keeps the line, because some judgements look at the text (e.g. an invalid SameSite value).
/// </summary>
public sealed record SetCookie
{
    private const string SecurePrefixText = "__Secure-";
    private const string HostPrefixText = "__Host-";

    public required string Raw { get; init; }
    public required string Name { get; init; }
    public required string Value { get; init; }
    public bool Secure { get; init; }
    public bool HttpOnly { get; init; }
    public SameSiteMode SameSite { get; init; }

    /// <summary>The text of the last SameSite attribute (null if absent), e.g. "Lax" or an invalid "Foo".</summary>
    public string? SameSiteText { get; init; }

    /// <summary>The Domain attribute, lower-cased, without a leading dot; null when absent (host-only cookie).</summary>
    public string? Domain { get; init; }

    /// <summary>The Path attribute when it starts with '/', else null (the default path applies).</summary>
    public string? Path { get; init; }

    public long? MaxAge { get; init; }
    public DateTimeOffset? Expires { get; init; }

    /// <summary>Prefixes are case-sensitive, as in browsers.</summary>
    public CookiePrefix Prefix =>
        Name.StartsWith(HostPrefixText, StringComparison.Ordinal) ? CookiePrefix.Host
        : Name.StartsWith(SecurePrefixText, StringComparison.Ordinal) ? CookiePrefix.Secure
        : CookiePrefix.None;

    /// <summary>Parses one Set-Cookie value; null when there is no usable name=value pair.</summary>
    public static SetCookie? TryParse(string raw)
    {
        var text = raw.Trim();
        var firstSemicolon = text.IndexOf(';');
        var pair = CutAtTerminator(firstSemicolon < 0 ? text : text[..firstSemicolon]);
        var equals = pair.IndexOf('=');
        if (equals <= 0)
        {
            return null; // a cookie needs a non-empty name
        }

        var name = pair[..equals].Trim();
        var value = pair[(equals + 1)..].Trim();
        if (name.Length == 0 || HasControlCharacter(name) || HasControlCharacter(value))
        {
            return null;
        }

        var cookie = new SetCookie { Raw = raw, Name = name, Value = value };
        if (firstSemicolon < 0)
        {
            return cookie;
        }

        foreach (var attribute in text[(firstSemicolon + 1)..].Split(';'))
        {
            cookie = WithAttribute(cookie, attribute.Trim());
        }

        return cookie;
    }

    private static SetCookie WithAttribute(SetCookie cookie, string attribute)
    {
        if (attribute.Length == 0)
        {
            return cookie;
        }

        var equals = attribute.IndexOf('=');
        var key = (equals < 0 ? attribute : attribute[..equals]).Trim().ToLowerInvariant();
        var value = equals < 0 ? null : attribute[(equals + 1)..].Trim();
        var hasValue = !string.IsNullOrEmpty(value);

        return key switch
        {
            "secure" => cookie with { Secure = true },
            "httponly" => cookie with { HttpOnly = true },
            "samesite" => cookie with { SameSiteText = value ?? "", SameSite = ParseSameSite(value) },
            "domain" when DomainValue(value) is { } domain => cookie with { Domain = domain },
            "path" => cookie with { Path = hasValue && value![0] == '/' ? value : null },
            "max-age" when hasValue && IsInteger(value!) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var maxAge) =>
                cookie with { MaxAge = maxAge },
            "expires" when hasValue && TryParseDate(value!, out var expires) => cookie with { Expires = expires },
            _ => cookie,
        };
    }

    // One leading dot is ignored (RFC 6265 5.2.3); an empty result means "no Domain attribute".
    private static string? DomainValue(string? value)
    {
        var domain = value ?? "";
        domain = domain.StartsWith('.') ? domain[1..] : domain;
        return domain.Length == 0 ? null : domain.ToLowerInvariant();
    }

    private static SameSiteMode ParseSameSite(string? value) => value?.ToLowerInvariant() switch
    {
        "strict" => SameSiteMode.Strict,
        "lax" => SameSiteMode.Lax,
        "none" => SameSiteMode.None,
        _ => SameSiteMode.Unspecified,
    };

    private static bool IsInteger(string value)
    {
        var digits = value.StartsWith('-') ? value[1..] : value;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit);
    }

    private static bool TryParseDate(string value, out DateTimeOffset date) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out date);

    // Chromium and tough-cookie end the pair at CR, LF or NUL.
    private static string CutAtTerminator(string pair)
    {
        var end = pair.IndexOfAny(['\r', '\n', '\0']);
        return end < 0 ? pair : pair[..end];
    }

    private static bool HasControlCharacter(string text) => text.Any(c => c < 0x20);
}
