using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>The first PASSWORD_HASHERS entry (the one new passwords use) is a fast or unsalted hash.</summary>
public sealed class DJ115WeakPasswordHasher : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ115", "Passwords are stored with a weak hash", Severity.Error,
        "Django hashes new passwords with the first entry of PASSWORD_HASHERS. MD5, SHA1 and crypt are fast to brute-force " +
        "(MD5PasswordHasher is meant for test suites). Put PBKDF2, Argon2 or bcrypt first; old hashes upgrade at login.");

    public RuleDescriptor Descriptor => Rule;

    public static IReadOnlySet<string> WeakHashers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.UnsaltedMD5PasswordHasher",
        "django.contrib.auth.hashers.SHA1PasswordHasher",
        "django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher",
        "django.contrib.auth.hashers.CryptPasswordHasher",
    };

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        if (settings.StringItems("PASSWORD_HASHERS") is [var first, ..] && WeakHashers.Contains(first))
        {
            var setting = settings.Get("PASSWORD_HASHERS");
            yield return Rule.At(settings, setting, $"PASSWORD_HASHERS starts with {first} {DjangoRule.In(settings, setting)}.");
        }
    }
}
