using System.Runtime.CompilerServices;
using SecurityGate.Findings;
using SecurityGate.Sources.Discovery;

namespace SecurityGate.Sources.Python;

/// <summary>
/// Evaluates Python modules without running them: module-level statements are interpreted abstractly over
/// <see cref="PythonValue"/>s, environment lookups read the supplied environment (never the process's), imports of
/// project modules go through an <see cref="IPythonModuleResolver"/>. Each module is evaluated once per evaluator, as
/// Python imports it once. Never throws on bad input: problems become notes and unknown values.
/// </summary>
public sealed partial class PythonEvaluator
{
    private const int MaxImportDepth = 64;
    private const int MaxCallDepth = 16;
    private const int MaxPossibleValues = 32;

    private readonly IPythonModuleResolver _resolver;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly bool _environmentIsComplete;
    private readonly Dictionary<string, ModuleContext?> _modules = new(StringComparer.Ordinal);
    private readonly Stack<ModuleContext> _evaluating = new();
    private List<string> _softRaises = new();

    /// <param name="environmentIsComplete">
    /// True when <paramref name="environment"/> is the whole production environment (an env file was given): a variable
    /// missing from it is unset, so <c>os.environ.get("X")</c> is None. False when the production environment is not
    /// known: such a lookup is unknown rather than a guessed None (only written defaults are taken).
    /// </param>
    public PythonEvaluator(IPythonModuleResolver resolver, IReadOnlyDictionary<string, string> environment, bool environmentIsComplete = true)
    {
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        _environmentIsComplete = environmentIsComplete;
    }

    /// <summary>
    /// Evaluates the repository file at <paramref name="path"/> as a module (its dotted name worked out from the
    /// repository layout so that relative and project imports resolve) against <paramref name="environment"/>.
    /// </summary>
    public static PythonModuleEvaluation EvaluateFile(IRepositoryFiles files, string path, IReadOnlyDictionary<string, string> environment)
    {
        var resolver = new RepositoryPythonModuleResolver(files);
        var evaluator = new PythonEvaluator(resolver, environment);
        var source = resolver.ResolvePath(path);
        if (source is null)
        {
            var read = files.Read(path);
            var note = new PythonNote(PythonNoteKind.UnresolvedImport, read.Problem ?? $"{path}: not a Python file", null);
            return new PythonModuleEvaluation("", path, null, new Dictionary<string, PythonBinding>(), [note], []);
        }

        return evaluator.Evaluate(source);
    }

    /// <summary>Resolves <paramref name="moduleName"/> through the resolver and evaluates it (or returns the earlier evaluation).</summary>
    public PythonModuleEvaluation EvaluateModule(string moduleName)
    {
        PythonModuleSource? source = null;
        if (!_modules.TryGetValue(moduleName, out var cached))
            source = SafeResolve(moduleName, null);
        else if (cached is not null)
            return ResultOf(cached);

        if (source is null)
        {
            var note = new PythonNote(PythonNoteKind.UnresolvedImport, $"module '{moduleName}' was not found in the repository", null);
            return new PythonModuleEvaluation(moduleName, "", null, new Dictionary<string, PythonBinding>(), [note], []);
        }

        return Evaluate(source);
    }

    /// <summary>Evaluates a module given its text (or returns the earlier evaluation of a module with the same name).</summary>
    public PythonModuleEvaluation Evaluate(PythonModuleSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.ModuleName.Length > 0 && _modules.TryGetValue(source.ModuleName, out var cached) && cached is not null)
            return ResultOf(cached);

        var context = new ModuleContext(source.ModuleName, source.Path, source.IsPackage, source.Text ?? "");
        if (source.ModuleName.Length > 0) _modules[source.ModuleName] = context;
        EvaluateContext(context);
        return ResultOf(context);
    }

    private static PythonModuleEvaluation ResultOf(ModuleContext context) =>
        new(context.Name, context.Path, context.Module,
            new Dictionary<string, PythonBinding>(context.Globals, StringComparer.Ordinal),
            context.Notes.ToList(), context.Files.ToList());

    private ModuleContext Current => _evaluating.Peek();

    private void EvaluateContext(ModuleContext context)
    {
        context.Evaluating = true;
        _evaluating.Push(context);
        try
        {
            context.AddFile(context.Path);
            context.Module = PythonParser.Parse(context.Text, context.Path);
            NoteUnparsed(context, context.Module.Body);
            var raised = EvaluateBlock(context.Module.Body, context);
            if (raised is not null)
            {
                context.AddNote(new PythonNote(PythonNoteKind.Raise,
                    $"the module raises {raised.Type} at line {raised.Location.Line}; statements after it were not evaluated", raised.Location));
            }
        }
        finally
        {
            _evaluating.Pop();
            context.Evaluating = false;
        }
    }

    private static void NoteUnparsed(ModuleContext context, IReadOnlyList<PyStatement> statements)
    {
        foreach (var statement in statements)
        {
            foreach (var block in ChildBlocks(statement))
                NoteUnparsed(context, block);
            if (statement is PyUnparsedStatement unparsed)
                context.AddNote(new PythonNote(PythonNoteKind.UnparsedStatement, unparsed.Message, unparsed.Span.ToLocation(context.Path)));
        }
    }

    private static IEnumerable<IReadOnlyList<PyStatement>> ChildBlocks(PyStatement statement)
    {
        switch (statement)
        {
            case PyIf s: yield return s.Body; yield return s.OrElse; break;
            case PyTry s:
                yield return s.Body;
                foreach (var handler in s.Handlers) yield return handler.Body;
                yield return s.OrElse;
                yield return s.Finally;
                break;
            case PyFor s: yield return s.Body; yield return s.OrElse; break;
            case PyWhile s: yield return s.Body; yield return s.OrElse; break;
            case PyWith s: yield return s.Body; break;
            case PyFunctionDef s: yield return s.Body; break;
            case PyClassDef s: yield return s.Body; break;
            case PyMatch s:
                foreach (var @case in s.Cases) yield return @case.Body;
                break;
            case PyUnparsedStatement s: yield return s.Body; break;
        }
    }

    private void Note(PythonNoteKind kind, string message, SourceLocation? location) =>
        Current.AddNote(new PythonNote(kind, message, location));

    private void RaiseSoft(string exceptionType) => _softRaises.Add(exceptionType);

    private static void EnsureStack() => RuntimeHelpers.EnsureSufficientExecutionStack();

    private PythonModuleSource? SafeResolve(string moduleName, SourceLocation? location)
    {
        try
        {
            return _resolver.Resolve(moduleName);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (_evaluating.Count > 0)
                Note(PythonNoteKind.UnresolvedImport, $"resolving module '{moduleName}' failed: {ex.Message}", location);
            return null;
        }
    }
}
