using SecurityGate.Findings;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Rules.Sshd;

/// <summary>
/// Password logins are open to guessing: PasswordAuthentication yes (the compiled-in default when absent), or
/// keyboard-interactive through PAM, which asks for the same password.
/// </summary>
public sealed class SSH001PasswordAuthentication : IRule<SshdConfigModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SSH001",
        title: "Password authentication is enabled",
        category: RuleCategory.Ssh,
        defaultSeverity: Severity.Error,
        help: "Set `PasswordAuthentication no` and `KbdInteractiveAuthentication no` and use keys. OpenSSH defaults " +
              "PasswordAuthentication to yes when the line is absent. KbdInteractiveAuthentication (alias " +
              "ChallengeResponseAuthentication) yes together with UsePAM yes also asks for the password; Debian's shipped " +
              "file sets UsePAM yes and KbdInteractiveAuthentication no, but the gate judges the file in the repository.",
        references: SshdRuleSupport.Refs(SshdKeywords.PasswordAuthentication));

    private const string PasswordMethod = "password";
    private const string KeyboardInteractiveMethod = "keyboard-interactive";

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(SshdConfigModel model)
    {
        var view = model.Effective;
        var password = view.PasswordAuthentication;
        if (password.Is(SshdValues.Yes) && view.AllowsMethod(PasswordMethod))
        {
            yield return Rule.CreateFinding(
                $"PasswordAuthentication is {password.Describe()} {view.ViewDescription}; passwords can be guessed.",
                model.LocationOf(password), model.Target);
        }

        var keyboard = view.KbdInteractiveAuthentication;
        var pam = view.UsePam;
        if (keyboard.Is(SshdValues.Yes) && pam.Is(SshdValues.Yes) && view.AllowsMethod(KeyboardInteractiveMethod))
        {
            // Point at whichever of the two lines the file actually wrote; the keyboard line when both.
            var location = keyboard.IsDefault ? model.LocationOf(pam) : model.LocationOf(keyboard);
            yield return Rule.CreateFinding(
                $"KbdInteractiveAuthentication is {keyboard.Describe()} and UsePAM is {pam.Describe()} {view.ViewDescription}; " +
                "PAM's keyboard-interactive prompt accepts the account password.",
                location, model.Target, SshdRuleSupport.Refs(SshdKeywords.KbdInteractiveAuthentication));
        }
    }
}
