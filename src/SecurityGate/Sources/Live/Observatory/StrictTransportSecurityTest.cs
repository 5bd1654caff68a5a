using System.Globalization;
using static SecurityGate.Sources.Live.Observatory.ObservatoryResults;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>
/// strict-transport-security: read from the FINAL response of the https:// chain (not the first). A comma (header
/// sent twice) or no <c>max-age=</c> → invalid; max-age below 15552000 → less than six months. Quirk kept: a
/// non-numeric max-age (<c>abc</c>, <c>"31536000"</c>) is NaN in JavaScript, which is never "less than", so it passes.
/// A preload-list entry for the site overrides everything when HTTPS answered.
/// </summary>
internal static class StrictTransportSecurityTest
{
    private const string HeaderName = "strict-transport-security";

    /// <summary>180 days: the Observatory's "six months" (its text says 15768000, its code uses this).</summary>
    public const long SixMonthsSeconds = 15552000;

    private const int MaxHeaderLength = 1024;
    private const string MaxAgePrefix = "max-age=";
    private const int MaxAgeValueEnd = 128;

    public static TestVerdict Run(ObservatoryContext context)
    {
        var https = context.Snapshot.Https;
        var result = https is null ? HstsNotImplementedNoHttps
            : !https.CertificateVerified ? HstsInvalidCert
            : context.HttpsHeaders.Get(HeaderName) is { } header ? JudgeHeader(header)
            : HstsNotImplemented;

        if (https is not null && context.PreloadList.Find(context.Snapshot.Site) is not null)
        {
            result = HstsPreloaded;
        }

        return new TestVerdict(result, result is HstsImplementedMaxAgeAtLeastSixMonths or HstsPreloaded);
    }

    private static string JudgeHeader(string header)
    {
        var value = header.Length > MaxHeaderLength ? header[..MaxHeaderLength] : header;
        if (value.Contains(','))
        {
            return HstsHeaderInvalid; // sent more than once
        }

        double? maxAge = null;
        foreach (var parameter in value.Split(';').Select(p => p.Trim().ToLowerInvariant()))
        {
            if (parameter.StartsWith(MaxAgePrefix, StringComparison.Ordinal))
            {
                var end = Math.Min(parameter.Length, MaxAgeValueEnd);
                maxAge = JavaScriptParseInt(end > MaxAgePrefix.Length ? parameter[MaxAgePrefix.Length..end] : "");
            }
        }

        if (maxAge is null)
        {
            return HstsHeaderInvalid;
        }

        // NaN < x is false: a non-numeric max-age is graded as long enough.
        return maxAge.Value < SixMonthsSeconds ? HstsImplementedMaxAgeLessThanSixMonths : HstsImplementedMaxAgeAtLeastSixMonths;
    }

    /// <summary>JavaScript's <c>parseInt(text, 10)</c>: leading blanks, a sign, then the leading digits; none → NaN.</summary>
    internal static double JavaScriptParseInt(string text)
    {
        var s = text.TrimStart();
        var sign = 1;
        if (s.StartsWith('-') || s.StartsWith('+'))
        {
            sign = s[0] == '-' ? -1 : 1;
            s = s[1..];
        }

        var digits = new string(s.TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? double.NaN : sign * double.Parse(digits, CultureInfo.InvariantCulture);
    }
}
