using SecurityGate.Sources.Live;
using SecurityGate.Sources.Live.Observatory;

namespace SecurityGate.Tests.Sources.Live.Observatory;

internal static class ObservatoryAssert
{
    /// <summary>Grades the snapshot and asserts one test's exact result, modifier and pass flag.</summary>
    public static void Test(SiteSnapshotBuilder site, string testName, string result, int modifier, bool pass)
    {
        var actual = ObservatoryGrader.Score(site.Build())[testName];
        Assert.Equal(new ObservatoryTestResult(testName, result, modifier, pass), actual);
    }
}
