using System.Collections.Immutable;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Nginx;

/// <summary>One argument of a directive as written (quotes removed, escapes kept as nginx keeps them).</summary>
public sealed record NginxArgument(string Value, bool Quoted, SourceLocation Location)
{
    /// <summary>True when part of the value comes from a <c>{{ }}</c> template expression.</summary>
    public bool IsTemplated => Value.Contains(NginxTemplate.Marker);
}

/// <summary>
/// A directive: <c>name args;</c> or <c>name args { … }</c>. <see cref="Block"/> is null for a simple directive.
/// Inside a block, included files are already expanded in place; each directive keeps its own file and line.
/// </summary>
public sealed record NginxDirective(
    string Name,
    ImmutableArray<NginxArgument> Arguments,
    SourceLocation Location,
    ImmutableArray<NginxDirective>? Block)
{
    public string? Argument(int index) => index < Arguments.Length ? Arguments[index].Value : null;

    public IEnumerable<NginxDirective> Children => Block ?? [];

    /// <summary>"server_name shop.example.com" style text for messages (arguments joined by spaces).</summary>
    public string Text => Arguments.IsEmpty ? Name : Name + " " + string.Join(' ', Arguments.Select(a => a.Value));
}

public enum NginxProblemKind
{
    /// <summary>nginx -t would reject the file: unbalanced braces, a missing ';', an unterminated quote.</summary>
    Syntax,

    /// <summary>Part of the configuration could not be seen: an include that matches no file in the repository.</summary>
    NotJudged,
}

public sealed record NginxProblem(NginxProblemKind Kind, string Message, SourceLocation Location);

/// <summary>
/// One judged nginx configuration: a file nothing else in the repository includes, with its includes expanded.
/// Its top level is read as the <c>http</c> context when it has no <c>http</c> block (a site file under
/// <c>sites-available/</c> or <c>conf.d/</c> is included there by the stock nginx.conf).
/// </summary>
public sealed record NginxConfig(string Path, ImmutableArray<NginxDirective> Directives, ImmutableArray<NginxProblem> Problems,
    ImmutableArray<string> Files)
{
    public string Target => Finding.FileTarget(Path);

    public static NginxConfig Empty(string path = "nginx.conf") => new(path, [], [], [path]);

    /// <summary>Every directive at any depth, in file order.</summary>
    public IEnumerable<NginxDirective> AllDirectives() => Flatten(Directives);

    /// <summary>Every block scope (http, server, location, if, limit_except…) with its parents, outermost first.</summary>
    public IEnumerable<NginxScope> Scopes()
    {
        var root = new NginxScope(null, Directives, null);
        yield return root;
        foreach (var scope in Below(root))
            yield return scope;
    }

    public IEnumerable<NginxScope> Servers() => Scopes().Where(s => s.Owner?.Name == NginxNames.Server && s.IsHttpServer);

    private static IEnumerable<NginxScope> Below(NginxScope scope)
    {
        foreach (var directive in scope.Directives)
        {
            if (directive.Block is not { } block)
                continue;
            var child = new NginxScope(directive, block, scope);
            yield return child;
            foreach (var deeper in Below(child))
                yield return deeper;
        }
    }

    private static IEnumerable<NginxDirective> Flatten(IEnumerable<NginxDirective> directives)
    {
        foreach (var directive in directives)
        {
            yield return directive;
            foreach (var child in Flatten(directive.Children))
                yield return child;
        }
    }
}

/// <summary>A block and the blocks around it: what nginx's configuration inheritance walks.</summary>
/// <param name="Owner">The block directive (<c>server</c>, <c>location</c>…); null for the file's top level.</param>
public sealed record NginxScope(NginxDirective? Owner, ImmutableArray<NginxDirective> Directives, NginxScope? Parent)
{
    public IEnumerable<NginxDirective> Own(string name) => Directives.Where(d => d.Name == name);

    /// <summary>False for a <c>server</c> inside <c>upstream</c> or <c>stream</c>/<c>mail</c> (not an HTTP virtual host).</summary>
    public bool IsHttpServer => Ancestors().All(a => a.Owner?.Name is not (NginxNames.Stream or NginxNames.Mail or NginxNames.Upstream));

    public IEnumerable<NginxScope> Ancestors()
    {
        for (var scope = Parent; scope is not null; scope = scope.Parent)
            yield return scope;
    }

    /// <summary>"location /static/" or "server shop.example.com" for messages.</summary>
    public string Describe()
    {
        if (Owner is null)
            return "the top level";
        if (Owner.Name == NginxNames.Server)
        {
            var names = Own(NginxNames.ServerName).SelectMany(d => d.Arguments).Select(a => a.Value).Take(2).ToList();
            return names.Count == 0 ? $"server (line {Owner.Location.Line})" : $"server {string.Join(' ', names)}";
        }
        return Owner.Text;
    }

    /// <summary>
    /// The directives of an array-valued setting (<c>add_header</c>, <c>proxy_set_header</c>) in effect here, with
    /// nginx's inheritance: a level inherits its parent's only when it has none of its own — unless
    /// <paramref name="mergeSwitch"/> (e.g. <c>add_header_inherit merge</c>, nginx 1.29.3) is in effect.
    /// </summary>
    public ImmutableArray<NginxDirective> Effective(string name, string? mergeSwitch = null)
    {
        var own = Own(name).ToImmutableArray();
        if (Parent is null)
            return own;
        var mode = mergeSwitch is null ? "on" : InheritMode(mergeSwitch);
        if (own.IsEmpty)
            return mode == "off" ? own : Parent.Effective(name, mergeSwitch);
        return mode == "merge"
            ? Parent.Effective(name, mergeSwitch).AddRange(own)
            : own;
    }

    /// <summary>The value of an inherited <c>*_inherit</c> switch here: on (nginx's default), off or merge.</summary>
    public string InheritMode(string switchName)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.Own(switchName).LastOrDefault() is { } directive)
                return directive.Argument(0)?.ToLowerInvariant() ?? "on";
        }
        return "on";
    }
}
