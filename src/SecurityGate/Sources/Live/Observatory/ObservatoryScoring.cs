using System.Collections.Immutable;
using static SecurityGate.Sources.Live.Observatory.ObservatoryResults;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>
/// The Observatory's scoring, all in one place: every result's score modifier, the base score, the bonus gate
/// and the grade chart (npm @mdn/mdn-http-observatory 1.4.x, algorithm version 4, src/grader/charts.js).
/// </summary>
public static class ObservatoryScoring
{
    public const int AlgorithmVersion = 4;
    public const int BaseScore = 100;

    /// <summary>Bonuses count only when the score with penalties alone is at least this (an A).</summary>
    public const int MinimumScoreForExtraCredit = 90;

    /// <summary>Grades are given per band of this width (the score is rounded down to a multiple of it).</summary>
    public const int GradeBandWidth = 5;

    /// <summary>Every score from here up is an A+ (the score itself is not capped).</summary>
    public const int TopOfGradeChart = 100;

    public static ImmutableDictionary<string, int> Modifiers { get; } = new Dictionary<string, int>
    {
        [CspImplementedWithNoUnsafeDefaultSrcNone] = 10,
        [CspImplementedWithNoUnsafe] = 5,
        [CspImplementedWithUnsafeInlineInStyleSrcOnly] = 0,
        [CspImplementedButDuplicateDirectives] = 0,
        [CspImplementedWithInsecureSchemeInPassiveContentOnly] = -10,
        [CspImplementedWithUnsafeEval] = -10,
        [CspImplementedWithUnsafeInline] = -20,
        [CspImplementedWithInsecureScheme] = -20,
        [CspHeaderInvalid] = -25,
        [CspNotImplemented] = -25,
        [CspNotImplementedButReportingEnabled] = -25,

        [CookiesSecureWithHttponlySessionsAndSamesite] = 5,
        [CookiesSecureWithHttponlySessions] = 0,
        [CookiesNotFound] = 0,
        [CookiesWithoutSecureFlagButProtectedByHsts] = -5,
        [CookiesSessionWithoutSecureFlagButProtectedByHsts] = -10,
        [CookiesWithoutSecureFlag] = -20,
        [CookiesSamesiteFlagInvalid] = -20,
        [CookiesAnticsrfWithoutSamesiteFlag] = -20,
        [CookiesSessionWithoutHttponlyFlag] = -30,
        [CookiesSessionWithoutSecureFlag] = -40,

        [CorsNotImplemented] = 0,
        [CorsImplementedWithPublicAccess] = 0,
        [CorsImplementedWithRestrictedAccess] = 0,
        [CorsImplementedWithUniversalAccess] = -50,

        [RedirectionAllRedirectsPreloaded] = 0,
        [RedirectionToHttps] = 0,
        [RedirectionNotNeededNoHttp] = 0,
        [RedirectionOffHostFromHttp] = -5,
        [RedirectionNotToHttpsOnInitialRedirection] = -10,
        [RedirectionNotToHttps] = -20,
        [RedirectionMissing] = -20,
        [RedirectionInvalidCert] = -20,

        [ReferrerPolicyPrivate] = 5,
        [ReferrerPolicyNotImplemented] = 0,
        [ReferrerPolicyUnsafe] = -5,
        [ReferrerPolicyHeaderInvalid] = -5,

        [HstsPreloaded] = 5,
        [HstsImplementedMaxAgeAtLeastSixMonths] = 0,
        [HstsImplementedMaxAgeLessThanSixMonths] = -10,
        [HstsNotImplemented] = -20,
        [HstsHeaderInvalid] = -20,
        [HstsNotImplementedNoHttps] = -20,
        [HstsInvalidCert] = -20,

        [SriImplementedAndAllScriptsLoadedSecurely] = 5,
        [SriImplementedAndExternalScriptsLoadedSecurely] = 5,
        [SriNotImplementedResponseNotHtml] = 0,
        [SriNotImplementedButNoScriptsLoaded] = 0,
        [SriNotImplementedButAllScriptsLoadedFromSecureOrigin] = 0,
        [SriNotImplementedButExternalScriptsLoadedSecurely] = -5,
        [SriImplementedButExternalScriptsNotLoadedSecurely] = -20,
        [SriNotImplementedAndExternalScriptsNotLoadedSecurely] = -50,
        [HtmlNotParseable] = -20,

        [XContentTypeOptionsNosniff] = 0,
        [XContentTypeOptionsNotImplemented] = -5,
        [XContentTypeOptionsHeaderInvalid] = -5,

        [XFrameOptionsImplementedViaCsp] = 5,
        [XFrameOptionsSameoriginOrDeny] = 0, // +5 from 1.5.0 (algorithm 5)
        [XFrameOptionsAllowFromOrigin] = 0,
        [XFrameOptionsNotImplemented] = -20,
        [XFrameOptionsHeaderInvalid] = -20,

        [CorpImplementedWithSameOrigin] = 10,
        [CorpImplementedWithSameSite] = 10,
        [CorpImplementedWithCrossOrigin] = 0,
        [CorpNotImplemented] = 0,
        [CorpHeaderInvalid] = -5,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Lowest score of each grade band, best first.</summary>
    private static readonly (int MinimumScore, string Grade)[] GradeChart =
    [
        (100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"), (60, "C+"),
        (50, "C"), (45, "C-"), (40, "D+"), (30, "D"), (25, "D-"), (0, "F"),
    ];

    /// <summary>The modifier of a result; unknown results count 0, as in the Observatory.</summary>
    public static int ModifierOf(string result) => Modifiers.GetValueOrDefault(result);

    /// <summary>
    /// The final score from all modifiers: penalties always count; bonuses only when the score with penalties
    /// alone reaches <see cref="MinimumScoreForExtraCredit"/>. Never below 0, never capped above.
    /// </summary>
    public static int FinalScore(IEnumerable<int> modifiers)
    {
        var all = modifiers.ToList();
        var withPenaltiesOnly = BaseScore + all.Where(m => m < 0).Sum();
        var withBonuses = BaseScore + all.Sum();
        var score = withPenaltiesOnly >= MinimumScoreForExtraCredit ? withBonuses : withPenaltiesOnly;
        return Math.Max(score, 0);
    }

    /// <summary>Every grade, best first: A+, A, A-, …, F.</summary>
    public static IReadOnlyList<string> Grades { get; } = [.. GradeChart.Select(g => g.Grade)];

    /// <summary>Whether <paramref name="grade"/> is at least as good as <paramref name="minimum"/> (both from <see cref="Grades"/>).</summary>
    public static bool IsAtLeast(string grade, string minimum)
    {
        var list = (List<string>)[.. Grades];
        return list.IndexOf(grade) is var index and >= 0 && index <= list.IndexOf(minimum);
    }

    public static string GradeFor(int score)
    {
        var band = Math.Min(Math.Max(score, 0) / GradeBandWidth * GradeBandWidth, TopOfGradeChart);
        return GradeChart.First(g => band >= g.MinimumScore).Grade;
    }
}
