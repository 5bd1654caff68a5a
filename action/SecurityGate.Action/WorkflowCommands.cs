using System.Security.Cryptography;
using System.Text;

namespace SecurityGate.Action;

/// <summary>
/// Workflow commands on stdout (<c>::error file=…::message</c>) with the runner's exact escaping:
/// data escapes % (first), CR and LF; property values additionally escape ':' and ','.
/// </summary>
public static class WorkflowCommand
{
    public static string EscapeData(string value) =>
        value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");

    public static string Format(string command, IEnumerable<(string Name, string Value)> properties, string message)
    {
        var text = new StringBuilder("::").Append(command);
        var first = true;
        foreach (var (name, value) in properties)
        {
            text.Append(first ? ' ' : ',').Append(name).Append('=').Append(EscapeProperty(value));
            first = false;
        }
        return text.Append("::").Append(EscapeData(message)).ToString();
    }
}

/// <summary>
/// The action's log (stdout, which the runner scans for commands). Plain lines are neutralised so they can never
/// start a workflow command; untrusted blocks are wrapped in <c>::stop-commands::</c> with a random token.
/// </summary>
public sealed class ActionLog(TextWriter output)
{
    public const string Prefix = "security-gate: ";

    private readonly string _stopToken = "sg" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public TextWriter Output => output;

    /// <summary>One log line. It starts with a fixed prefix and has no line breaks, so it cannot be a command.</summary>
    public void Info(string message) =>
        output.WriteLine(Prefix + message.Replace('\r', ' ').Replace('\n', ' '));

    /// <summary>A workflow command built from escaped parts; only this class writes lines that start with "::".</summary>
    public void Command(string command, IEnumerable<(string Name, string Value)> properties, string message) =>
        output.WriteLine(WorkflowCommand.Format(command, properties, message));

    private readonly HashSet<string> _masked = new(StringComparer.Ordinal);

    public void Mask(string secret)
    {
        if (secret.Length > 0 && _masked.Add(secret))
            Command("add-mask", [], secret);
    }

    /// <summary>Text the repository or a site controls (the text report): printed with command processing stopped.</summary>
    public void Untrusted(string text)
    {
        output.WriteLine($"::stop-commands::{_stopToken}");
        output.Write(text);
        if (!text.EndsWith('\n'))
            output.WriteLine();
        output.WriteLine($"::{_stopToken}::");
    }

    public void Group(string title) => Command("group", [], title);

    public void EndGroup() => output.WriteLine("::endgroup::");
}
