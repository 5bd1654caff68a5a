using SecurityGate.Docker.DjangoCheck;
using SecurityGate.Rules;

namespace SecurityGate.Docker.Rules;

/// <summary>The rules over Django's own check run inside the app image (django-check-in-image).</summary>
public static class DjangoCheckRules
{
    /// <summary>Django's messages: reported as second opinions (dropped when a static finding has the same check id).</summary>
    public static IRule<DjangoCheckRun> Messages { get; } = new DOC107DjangoCheckInImage();

    /// <summary>No check report at all: an ordinary, blocking finding.</summary>
    public static IRule<DjangoCheckRun> Failed { get; } = new DOC108DjangoCheckInImageFailed();

    public static IReadOnlyList<IRule<DjangoCheckRun>> All { get; } = [Messages, Failed];
}
