namespace SecurityGate.Tests.Reference.Django;

/// <summary>
/// The reference Django for a version is not installed or not usable. Tests let this propagate so that
/// a missing installation is a FAILURE (never a skip) whose message says how to install it.
/// </summary>
public sealed class DjangoReferenceUnavailableException(string message, Exception? inner = null)
    : Exception(message, inner)
{
    public const string InstallHint =
        "Install the reference Djangos (3.2 from bookworm, 4.2 and 5.2 unpacked from Debian trixie/sid .debs) " +
        "by running, as root, from the repository root:  .ci/install-django-reference.sh";
}
