namespace SecurityGate.Sources.Python;

// Objects the evaluator models that are not plain data. They appear in bindings as PythonObject values.

/// <summary>A name from a library that is not part of the project (os, os.environ.get, environ.Env, int...), by dotted name.</summary>
internal sealed record ExternalObject(string QualifiedName) : PythonObject
{
    public override string Description => QualifiedName;
}

/// <summary>A project module (or a namespace package when <see cref="Context"/> is null).</summary>
internal sealed record ModuleObject(string Name, ModuleContext? Context) : PythonObject
{
    public override string Description => $"module '{Name}'";
}

/// <summary>
/// A function defined in an evaluated file (or a lambda). Only straight-line functions can be called: local
/// assignments, <c>if</c> statements, <c>return</c> and <c>raise</c> (the helpers settings modules define, such as
/// <c>env_bool</c> with a validation guard); <see cref="NotSimpleReason"/> says why the others cannot.
/// </summary>
internal sealed record FunctionObject(
    string Name,
    IReadOnlyList<PyParameter> Parameters,
    IReadOnlyList<PythonValue?> Defaults,
    IReadOnlyList<PyStatement>? Body,
    string? NotSimpleReason,
    ModuleContext Module,
    Dictionary<string, PythonValue>? Closure) : PythonObject
{
    public override string Description => $"function {Name}";
}

internal sealed record ClassObject(string Name) : PythonObject
{
    public override string Description => $"class {Name}";
}

/// <summary>An attribute of a value, waiting to be called (<c>"a,b".split</c>, <c>env.bool</c>).</summary>
internal sealed record BoundMethod(PythonValue Receiver, string Name) : PythonObject
{
    public override string Description => $"method {Name} of {Receiver.TypeName}";
}

/// <summary>A django-environ <c>environ.Env(...)</c> instance with its scheme (variable → cast and default).</summary>
internal sealed record DjangoEnvReader(IReadOnlyDictionary<string, DjangoEnvSchemeEntry> Scheme) : PythonObject
{
    public override string Description => "environ.Env instance";
}

internal sealed record DjangoEnvSchemeEntry(PythonValue? Cast, bool HasDefault, PythonValue? Default, string? DefaultText);

/// <summary>python-decouple's <c>Csv(cast, delimiter, strip, post_process)</c>.</summary>
internal sealed record DecoupleCsv(PythonValue? Cast, string Delimiter, string Strip, bool AsTuple) : PythonObject
{
    public override string Description => "decouple.Csv instance";
}

/// <summary>python-decouple's <c>Choices(...)</c>: validates, so the value passes through the cast unchanged.</summary>
internal sealed record DecoupleChoices(PythonValue? Cast, IReadOnlyList<PythonValue>? Allowed) : PythonObject
{
    public override string Description => "decouple.Choices instance";
}

/// <summary>A module being (or having been) evaluated: its names, notes and the files read for it.</summary>
internal sealed class ModuleContext(string name, string path, bool isPackage, string text)
{
    public string Name { get; } = name;
    public string Path { get; } = path;
    public bool IsPackage { get; } = isPackage;
    public string Text { get; } = text;
    public PyModule Module { get; set; } = new(path, "", [], []);
    public Dictionary<string, PythonBinding> Globals { get; } = new(StringComparer.Ordinal);
    public List<PythonNote> Notes { get; } = new();
    public HashSet<PythonNote> NoteSet { get; } = new();
    public List<string> Files { get; } = new();
    public bool Evaluating { get; set; }

    public void AddNote(PythonNote note)
    {
        if (NoteSet.Add(note)) Notes.Add(note);
    }

    public void AddFile(string file)
    {
        if (!Files.Contains(file, StringComparer.Ordinal)) Files.Add(file);
    }

    /// <summary>Takes over the notes and files of an imported module.</summary>
    public void Absorb(ModuleContext imported)
    {
        if (ReferenceEquals(imported, this)) return;
        foreach (var file in imported.Files) AddFile(file);
        foreach (var note in imported.Notes) AddNote(note);
    }
}
