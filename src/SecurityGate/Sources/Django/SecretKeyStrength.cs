namespace SecurityGate.Sources.Django;

/// <summary>Django's W009/W025 test of a secret key: ≥ 50 characters, ≥ 5 distinct, no <c>django-insecure-</c> prefix.</summary>
public static class SecretKeyStrength
{
    /// <summary>Null when the key passes; otherwise why it fails (never containing the key).</summary>
    public static string? Weakness(string key)
    {
        if (key.Length == 0)
            return "it is empty";
        if (key.StartsWith(DjangoNames.InsecureSecretKeyPrefix, StringComparison.Ordinal))
            return $"it starts with '{DjangoNames.InsecureSecretKeyPrefix}', the prefix startproject gives keys meant for development";
        if (key.Length < DjangoNames.SecretKeyMinLength)
            return $"it has {key.Length} characters, fewer than {DjangoNames.SecretKeyMinLength}";
        var distinct = key.Distinct().Count();
        if (distinct < DjangoNames.SecretKeyMinUniqueCharacters)
            return $"it has only {distinct} distinct characters";
        return null;
    }
}
