using SecurityGate.Findings;

namespace SecurityGate.Sources.Python;

/// <summary>
/// A module-level name after evaluation: its final value and the statement that last set it. For names changed by
/// mutation (<c>MIDDLEWARE.append(...)</c>, <c>X["k"] = v</c>, <c>X += [...]</c>) <see cref="Location"/> stays the
/// defining assignment and <see cref="Mutations"/> lists where it was changed afterwards.
/// </summary>
public sealed record PythonBinding(string Name, PythonValue Value, SourceLocation Location, IReadOnlyList<SourceLocation> Mutations)
{
    /// <summary>The repo-relative file that set the name (the base file for a name that came through a star import).</summary>
    public string Path => Location.Path;
}

public enum PythonNoteKind
{
    /// <summary>A statement the parser could not understand.</summary>
    UnparsedStatement,
    /// <summary>An <c>if</c> whose condition could not be decided; both branches were evaluated and merged.</summary>
    UnknownCondition,
    /// <summary>An import that named no file in the repository and no modelled library.</summary>
    UnresolvedImport,
    /// <summary>A module imported while it was still being evaluated.</summary>
    ImportCycle,
    /// <summary>A loop, <c>with</c> or <c>match</c> body that was skipped; names it sets became unknown.</summary>
    SkippedBlock,
    /// <summary>A raise that ends the module, or an exception an evaluated statement would raise.</summary>
    Raise,
    /// <summary>Something valid the evaluator does not model (e.g. an assignment it could not apply).</summary>
    Unsupported,
}

public sealed record PythonNote(PythonNoteKind Kind, string Message, SourceLocation? Location)
{
    public override string ToString() => Location is null ? $"{Kind}: {Message}" : $"{Location}: {Kind}: {Message}";
}

/// <summary>
/// The outcome of evaluating one module: its module-level names, the notes gathered (its imports' included) and every
/// file read to get there (the module's own file first).
/// </summary>
public sealed record PythonModuleEvaluation(
    string ModuleName,
    string Path,
    PyModule? Module,
    IReadOnlyDictionary<string, PythonBinding> Bindings,
    IReadOnlyList<PythonNote> Notes,
    IReadOnlyList<string> FilesRead)
{
    public PythonBinding? Binding(string name) => Bindings.TryGetValue(name, out var binding) ? binding : null;

    /// <summary>The value of a module-level name, or null when the module never set it.</summary>
    public PythonValue? Value(string name) => Binding(name)?.Value;
}

/// <summary>The text of a module found by a resolver.</summary>
/// <param name="ModuleName">The absolute dotted module name (e.g. <c>mysite.settings.base</c>).</param>
/// <param name="Path">Repo-relative path of the file.</param>
/// <param name="IsPackage">True for a package's <c>__init__.py</c> (relative imports then start from the package itself).</param>
public sealed record PythonModuleSource(string ModuleName, string Path, string Text, bool IsPackage);

/// <summary>Finds project modules for the evaluator, which does no file I/O itself.</summary>
public interface IPythonModuleResolver
{
    /// <summary>The module named <paramref name="absoluteModuleName"/>, or null when the project has no such module.</summary>
    PythonModuleSource? Resolve(string absoluteModuleName);
}
