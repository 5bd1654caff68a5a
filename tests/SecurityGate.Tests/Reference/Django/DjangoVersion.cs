namespace SecurityGate.Tests.Reference.Django;

/// <summary>The Django release series available as a reference (see .ci/install-django-reference.sh).</summary>
public enum DjangoVersion
{
    V3_2,
    V4_2,
    V5_2,
}

public static class DjangoVersions
{
    public static IReadOnlyList<DjangoVersion> All { get; } = [DjangoVersion.V3_2, DjangoVersion.V4_2, DjangoVersion.V5_2];

    /// <summary>"3.2", "4.2", "5.2": the prefix <c>django.get_version()</c> must start with.</summary>
    public static string Series(this DjangoVersion version) => version switch
    {
        DjangoVersion.V3_2 => "3.2",
        DjangoVersion.V4_2 => "4.2",
        DjangoVersion.V5_2 => "5.2",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
    };

    /// <summary>
    /// True when the version compares SESSION_COOKIE_SECURE / SESSION_COOKIE_HTTPONLY / CSRF_COOKIE_SECURE with
    /// <c>is True</c> (4.1+); 3.2 only tests truthiness.
    /// </summary>
    public static bool RequiresIdentityTrueForCookieFlags(this DjangoVersion version) => version != DjangoVersion.V3_2;
}
