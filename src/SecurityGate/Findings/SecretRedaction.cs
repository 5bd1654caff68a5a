namespace SecurityGate.Findings;

/// <summary>
/// How a secret value appears in a message: its length, and its first characters only when the value is long enough
/// that they give little away. Never the value itself.
/// </summary>
public static class SecretRedaction
{
    /// <summary>At most this many leading characters are shown.</summary>
    public const int MaxShownPrefix = 4;

    /// <summary>Shorter values show no prefix: four characters of a short password are most of it.</summary>
    public const int MinLengthForPrefix = 16;

    /// <summary>"a 48-character value starting with 'comp'" or "a 9-character value".</summary>
    public static string Describe(string value)
    {
        var length = value.Length;
        return length >= MinLengthForPrefix
            ? $"a {length}-character value starting with '{value[..MaxShownPrefix]}'"
            : $"a {length}-character value";
    }
}
