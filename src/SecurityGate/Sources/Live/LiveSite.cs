using SecurityGate.Findings;
using SecurityGate.Sources.Live.Observatory;

namespace SecurityGate.Sources.Live;

/// <summary>
/// What the live rules judge: one probed site's snapshot, its Observatory grade (computed once), the minimum grade
/// asked for and, when the Django source knows them, the settings the site should be running with.
/// </summary>
public sealed record LiveSite(string Url, SiteSnapshot Snapshot, ObservatoryResult Observatory)
{
    public string? MinGrade { get; init; }
    public ISettingsExpectations? Expectations { get; init; }

    /// <summary>The finding target: <c>url:https://staging.example.com/</c>.</summary>
    public string Target => Finding.UrlTarget(Url);

    /// <summary>A site judged as captured, graded with the Observatory's rules; the URL defaults to https://site.</summary>
    public static LiveSite Of(SiteSnapshot snapshot, string? url = null) =>
        new(url ?? snapshot.HttpsUrl.AbsoluteUri, snapshot, ObservatoryGrader.Score(snapshot));
}
