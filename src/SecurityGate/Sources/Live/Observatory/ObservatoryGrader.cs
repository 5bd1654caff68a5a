using System.Collections.Immutable;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>
/// The MDN HTTP Observatory's grading (npm @mdn/mdn-http-observatory 1.4.x, algorithm version 4) as a pure
/// function of a <see cref="SiteSnapshot"/>: the same 10 tests, result names, modifiers, pass flags, score and
/// grade as the real scanner gives for the same responses.
/// </summary>
public static class ObservatoryGrader
{
    /// <summary>The Observatory grades 2xx and 3xx pages, and these error statuses (a login wall).</summary>
    private static readonly int[] GradedErrorStatuses = [401, 403];

    public const string SiteDownError = "The site seems to be down.";

    public static ObservatoryResult Score(SiteSnapshot snapshot) => Score(snapshot, HstsPreloadList.Empty);

    public static ObservatoryResult Score(SiteSnapshot snapshot, HstsPreloadList preloadList)
    {
        var graded = snapshot.GradedResponse;
        if (graded is null)
        {
            return ObservatoryResult.Failed(SiteDownError);
        }

        var status = graded.StatusCode;
        if (status < 200 || (status >= 400 && !GradedErrorStatuses.Contains(status)))
        {
            return ObservatoryResult.Failed($"Site did respond with an unexpected HTTP status code {status}.");
        }

        var context = new ObservatoryContext(snapshot, preloadList);
        var csp = ContentSecurityPolicyTest.Run(context);
        var hsts = StrictTransportSecurityTest.Run(context);
        var verdicts = new (string Name, TestVerdict Verdict)[]
        {
            (ObservatoryTestNames.ContentSecurityPolicy, new TestVerdict(csp.Result, csp.Pass)),
            (ObservatoryTestNames.Cookies, CookiesTest.Run(context, hstsPasses: hsts.Pass)),
            (ObservatoryTestNames.CrossOriginResourceSharing, CrossOriginResourceSharingTest.Run(context)),
            (ObservatoryTestNames.Redirection, RedirectionTest.Run(context)),
            (ObservatoryTestNames.ReferrerPolicy, ReferrerPolicyTest.Run(context)),
            (ObservatoryTestNames.StrictTransportSecurity, hsts),
            (ObservatoryTestNames.SubresourceIntegrity, SubresourceIntegrityTest.Run(context)),
            (ObservatoryTestNames.XContentTypeOptions, XContentTypeOptionsTest.Run(context)),
            (ObservatoryTestNames.XFrameOptions, XFrameOptionsTest.Run(context, csp)),
            (ObservatoryTestNames.CrossOriginResourcePolicy, CrossOriginResourcePolicyTest.Run(context)),
        };

        var tests = verdicts
            .Select(v => new ObservatoryTestResult(v.Name, v.Verdict.Result, ObservatoryScoring.ModifierOf(v.Verdict.Result), v.Verdict.Pass))
            .ToImmutableArray();
        var score = ObservatoryScoring.FinalScore(tests.Select(t => t.ScoreModifier));
        return new ObservatoryResult { Score = score, Grade = ObservatoryScoring.GradeFor(score), Tests = tests };
    }
}
