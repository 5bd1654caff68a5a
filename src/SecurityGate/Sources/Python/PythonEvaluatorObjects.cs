using SecurityGate.Findings;

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

/// <summary>
/// A class statement. <see cref="Namespace"/> holds what the evaluator knows of its body: the body of a
/// django-configurations class (one deriving from <c>configurations.Configuration</c>) is evaluated where it is
/// defined; another class's body only when a configuration class inherits from it (a mixin).
/// </summary>
internal sealed record ClassObject(string Name) : PythonObject
{
    public ClassNamespace? Namespace { get; init; }

    public bool IsConfiguration => Namespace is { IsConfiguration: true };

    public override string Description => IsConfiguration ? $"configuration class {Name}" : $"class {Name}";
}

/// <summary>A class's definition, its evaluated bases and (once evaluated) the names its body sets.</summary>
internal sealed class ClassNamespace(PyClassDef definition, ModuleContext module, IReadOnlyList<PythonValue> bases, bool isConfiguration)
{
    public PyClassDef Definition { get; } = definition;
    public ModuleContext Module { get; } = module;
    public IReadOnlyList<PythonValue> Bases { get; } = bases;
    public bool IsConfiguration { get; } = isConfiguration;

    /// <summary>The names the class body sets, in order; null until the body has been evaluated.</summary>
    public Dictionary<string, PythonBinding>? Own { get; set; }

    /// <summary>The settings (upper-case names) the class ends up with, its bases' included; null until worked out.</summary>
    public Dictionary<string, PythonBinding>? Settings { get; set; }

    public bool Evaluating { get; set; }

    public IEnumerable<ClassNamespace> BaseNamespaces => Bases.OfType<ClassObject>().Select(b => b.Namespace).OfType<ClassNamespace>();
}

/// <summary>
/// A django-configurations <c>values.*Value(...)</c> instance as written in a class body. It becomes a value only when
/// the chosen configuration is set up: then the environment variable named after the setting is read.
/// </summary>
/// <param name="Kind">The class name: <c>BooleanValue</c>, <c>SecretValue</c>, ...</param>
/// <param name="Default">The default after the library's own conversion (a list for ListValue, {} for DatabaseURLValue...).</param>
/// <param name="DefaultText">The default as written, or null when none was written.</param>
/// <param name="EnvironName">environ_name=, or null to use the setting's name.</param>
/// <param name="EnvironPrefix">environ_prefix= without a trailing '_' ("DJANGO" unless given); null or "" for none.</param>
/// <param name="Invalid">Set when the library would raise while creating the value (e.g. BooleanValue(None)).</param>
internal sealed record ConfigurationValue(
    string Kind,
    PythonValue Default,
    string? DefaultText,
    bool Environ,
    string? EnvironName,
    string? EnvironPrefix,
    bool Required,
    string Separator,
    PythonUnknown? Invalid,
    SourceLocation Location,
    ModuleContext Module) : PythonObject
{
    public override string Description => $"configurations.values.{Kind} instance";
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
