using System.Globalization;

namespace SecurityGate.Configuration;

/// <summary>A Django feature release, major.minor: the unit in which Django changes its checks and defaults.</summary>
public readonly record struct DjangoVersion(int Major, int Minor) : IComparable<DjangoVersion>
{
    /// <summary>Assumed when the repository pins nothing: the newest release we know the checks of.</summary>
    public static DjangoVersion Latest { get; } = new(5, 2);

    public int CompareTo(DjangoVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(DjangoVersion a, DjangoVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(DjangoVersion a, DjangoVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(DjangoVersion a, DjangoVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(DjangoVersion a, DjangoVersion b) => a.CompareTo(b) >= 0;

    /// <summary>Parses <c>X.Y</c> (a patch part, as in <c>4.2.11</c>, is accepted and ignored).</summary>
    public static bool TryParse(string? text, out DjangoVersion version)
    {
        version = default;
        var parts = (text ?? "").Trim().Split('.');
        if (parts.Length is < 2 or > 3)
            return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor) ||
            major is < 1 or > 99 || minor > 99)
            return false;
        version = new DjangoVersion(major, minor);
        return true;
    }

    public override string ToString() => $"{Major}.{Minor}";
}
