using SecurityGate.Findings;

namespace SecurityGate.Sources.Python;

/// <summary>A django-configurations class a settings module defines or imports: its name and its base classes' names.</summary>
public sealed record PythonConfigurationClass(string Name, IReadOnlyList<string> BaseNames, SourceLocation Location);

/// <summary>
/// django-configurations (class-based settings): classes deriving from <c>configurations.Configuration</c> have their
/// bodies evaluated; the chosen class's upper-case attributes (its bases' included, as the library's metaclass copies
/// them) become the module's settings, and <c>values.*Value(default)</c> reads the variable <c>DJANGO_&lt;NAME&gt;</c>
/// with the library's casting.
/// </summary>
public sealed partial class PythonEvaluator
{
    private const int MaxClassDepth = 32;

    private static readonly HashSet<string> ConfigurationBaseNames = new(StringComparer.Ordinal)
    {
        "configurations.Configuration", "configurations.base.Configuration",
    };

    private static readonly HashSet<string> ConfigurationBoolTrue = new(StringComparer.Ordinal) { "yes", "y", "true", "1" };
    private static readonly HashSet<string> ConfigurationBoolFalse = new(StringComparer.Ordinal) { "no", "n", "false", "0", "" };

    /// <summary>URL values read a fixed variable with no prefix (the library's setdefault of environ_name / environ_prefix).</summary>
    private static readonly Dictionary<string, string> UrlValueVariables = new(StringComparer.Ordinal)
    {
        ["DatabaseURLValue"] = "DATABASE_URL", ["CacheURLValue"] = "CACHE_URL",
        ["EmailURLValue"] = "EMAIL_URL", ["SearchURLValue"] = "SEARCH_URL",
    };

    private static bool IsUpperCaseName(string name) => !name.StartsWith('_') && name == name.ToUpperInvariant();

    // ------------------------------------------------------------ class statements

    private ClassObject MakeClass(PyClassDef definition, Frame frame)
    {
        var bases = definition.Bases.Where(b => b.Kind == PyArgumentKind.Positional).Select(b => Evaluate(b.Value, frame)).ToList();
        bool isConfiguration = bases.Any(b => b is ExternalObject e && ConfigurationBaseNames.Contains(e.QualifiedName) || b is ClassObject { IsConfiguration: true });
        var space = new ClassNamespace(definition, frame.Module, bases, isConfiguration);
        if (isConfiguration) EvaluateClassBody(space, quiet: false);
        return new ClassObject(definition.Name) { Namespace = space };
    }

    /// <summary>
    /// Evaluates a class body in its own namespace: it sees the module's names, and the names it sets are the class's.
    /// A quiet evaluation (a mixin evaluated for a configuration class) keeps its notes to itself.
    /// </summary>
    private void EvaluateClassBody(ClassNamespace space, bool quiet)
    {
        if (space.Own is not null || space.Evaluating) return;
        space.Evaluating = true;
        var module = space.Module;
        var scope = new ModuleContext(module.Name, module.Path, module.IsPackage, module.Text) { Module = module.Module };
        foreach (var (name, binding) in module.Globals) scope.Globals[name] = binding;
        var outerSoft = _softRaises;
        if (quiet)
        {
            _evaluating.Push(scope);
            _softRaises = new List<string>();
        }

        try
        {
            var raised = EvaluateBlock(space.Definition.Body, scope);
            if (raised is not null && !quiet)
                Note(PythonNoteKind.Raise,
                    $"the body of class {space.Definition.Name} raises {raised.Type} at line {raised.Location.Line}; attributes after it were not evaluated",
                    raised.Location);
        }
        finally
        {
            if (quiet)
            {
                _evaluating.Pop();
                _softRaises = outerSoft;
            }

            space.Evaluating = false;
        }

        space.Own = scope.Globals
            .Where(entry => !module.Globals.TryGetValue(entry.Key, out var before) || !ReferenceEquals(before, entry.Value))
            .ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);
    }

    private Dictionary<string, PythonBinding> OwnNames(ClassNamespace space)
    {
        EvaluateClassBody(space, quiet: true);
        return space.Own ?? new Dictionary<string, PythonBinding>(StringComparer.Ordinal);
    }

    /// <summary>
    /// The upper-case attributes a class ends up with. A configuration class gets its bases' settings copied in by the
    /// library's metaclass, the leftmost base winning, then its own; another class (a mixin) follows Python's method
    /// resolution order.
    /// </summary>
    private Dictionary<string, PythonBinding> ClassSettings(ClassNamespace space, int depth = 0)
    {
        if (space.Settings is not null) return space.Settings;
        var settings = new Dictionary<string, PythonBinding>(StringComparer.Ordinal);
        if (depth > MaxClassDepth) return settings;
        if (space.IsConfiguration)
        {
            foreach (var baseSpace in space.BaseNamespaces.Reverse())
                foreach (var (name, binding) in ClassSettings(baseSpace, depth + 1))
                    settings[name] = binding;
            foreach (var (name, binding) in OwnNames(space).Where(entry => IsUpperCaseName(entry.Key)))
                settings[name] = binding;
        }
        else
        {
            foreach (var cls in MethodResolutionOrder(space))
                foreach (var (name, binding) in OwnNames(cls).Where(entry => IsUpperCaseName(entry.Key)))
                    settings.TryAdd(name, binding);
        }

        space.Settings = settings;
        return settings;
    }

    /// <summary>Python's C3 linearization of the project classes a class derives from (library bases are left out).</summary>
    private static List<ClassNamespace> MethodResolutionOrder(ClassNamespace space, int depth = 0)
    {
        if (depth > MaxClassDepth) return [space];
        var sequences = space.BaseNamespaces.Select(b => MethodResolutionOrder(b, depth + 1)).ToList();
        sequences.Add(space.BaseNamespaces.ToList());
        var order = new List<ClassNamespace> { space };
        while (sequences.Any(s => s.Count > 0))
        {
            var head = sequences.Where(s => s.Count > 0).Select(s => s[0])
                .FirstOrDefault(candidate => !sequences.Any(s => s.IndexOf(candidate) > 0));
            if (head is null)
            {
                // Python refuses such a class (TypeError); take the remaining classes depth-first.
                foreach (var cls in sequences.SelectMany(s => s).Distinct())
                    if (!order.Contains(cls)) order.Add(cls);
                break;
            }

            order.Add(head);
            foreach (var s in sequences) s.Remove(head);
        }

        return order;
    }

    /// <summary><c>Cls.NAME</c>: a configuration class's attribute, own or inherited; other classes stay opaque.</summary>
    private PythonValue ClassAttribute(ClassObject cls, string name)
    {
        if (cls.Namespace is not { IsConfiguration: true } space)
            return new PythonUnknown($"attribute '{name}' of {cls.Description}");
        if (IsUpperCaseName(name) && ClassSettings(space).TryGetValue(name, out var setting)) return setting.Value;
        foreach (var candidate in MethodResolutionOrder(space))
        {
            if (OwnNames(candidate).TryGetValue(name, out var binding)) return binding.Value;
        }

        return new PythonUnknown($"attribute '{name}' of {cls.Description} is not set by the project");
    }

    // ------------------------------------------------------------ values.*Value(...)

    /// <summary>A call of <c>configurations.values.&lt;Kind&gt;</c>: the value object, resolved when its class is set up.</summary>
    private PythonValue MakeConfigurationValue(string kind, CallArgs args)
    {
        bool written = args.Has(0, "default");
        var defaultValue = args.Get(0, "default") ?? PythonOperations.None;
        string? prefix = args.Keywords.TryGetValue("environ_prefix", out var p) ? (p as PythonString)?.Value : "DJANGO";
        string? environName = (args.Keywords.GetValueOrDefault("environ_name") as PythonString)?.Value;
        if (UrlValueVariables.TryGetValue(kind, out var urlVariable))
        {
            if (!args.Keywords.ContainsKey("environ_prefix")) prefix = null;
            environName ??= urlVariable;
        }

        if (prefix is not null && prefix.EndsWith('_')) prefix = prefix[..^1];
        bool environ = PythonOperations.Truthiness(args.Keywords.GetValueOrDefault("environ") ?? PythonOperations.True) != false;
        bool required = PythonOperations.Truthiness(args.Keywords.GetValueOrDefault("environ_required") ?? PythonOperations.False) == true;
        string separator = (args.Keywords.GetValueOrDefault("separator") as PythonString)?.Value ?? ",";
        PythonUnknown? invalid = null;
        switch (kind)
        {
            case "SecretValue":
                environ = true;
                required = true;
                if (defaultValue is not PythonNone)
                    invalid = new PythonUnknown("SecretValue with a default (django-configurations raises ValueError: secret values are only allowed to be set as environment variables)");
                break;
            case "BooleanValue" when defaultValue is not PythonBool:
                invalid = new PythonUnknown($"BooleanValue default {defaultValue} is not a boolean (django-configurations raises ValueError)");
                break;
            case "ListValue" or "BackendsValue":
                defaultValue = defaultValue is PythonNone ? new PythonList([]) : PythonOperations.Iterate(defaultValue) is { } list ? new PythonList(list) : defaultValue;
                break;
            case "TupleValue":
                defaultValue = defaultValue is PythonNone ? new PythonTuple([]) : PythonOperations.Iterate(defaultValue) is { } tuple ? new PythonTuple(tuple) : defaultValue;
                break;
            case "SetValue":
                defaultValue = defaultValue is PythonNone ? new PythonSet([]) : PythonOperations.Iterate(defaultValue) is { } set ? new PythonSet(Distinct(set.ToList())) : defaultValue;
                break;
            case "DictValue":
                if (defaultValue is PythonNone) defaultValue = new PythonDict([]);
                break;
            case "DatabaseURLValue" or "CacheURLValue" or "EmailURLValue" or "SearchURLValue":
                defaultValue = defaultValue is PythonNone ? new PythonDict([]) : new PythonUnknown($"settings parsed from the URL default of {kind}");
                break;
        }

        if (invalid is not null) RaiseSoft("ValueError");
        return new ConfigurationValue(kind, defaultValue, written ? args.DefaultTextOf(0, "default") : null, environ, environName, prefix,
            required, separator, invalid, args.Location, args.Module);
    }

    /// <summary>What the library's <c>Value.setup(name)</c> gives: the environment variable cast, else the default.</summary>
    private PythonValue ResolveConfigurationValue(ConfigurationValue value, string settingName)
    {
        if (value.Invalid is not null) return value.Invalid;
        if (!value.Environ) return value.Default;
        string variable = value.EnvironName ?? settingName.ToUpperInvariant();
        if (!string.IsNullOrEmpty(value.EnvironPrefix)) variable = $"{value.EnvironPrefix}_{variable}";

        bool fromEnvironment = _environment.TryGetValue(variable, out var text);
        // As for os.environ.get: a written default is taken; the implicit one only when the whole environment is known.
        bool hasDefault = !value.Required && (value.DefaultText is not null || _environmentIsComplete);
        var origin = new EnvironmentOrigin(variable, EnvironmentLookupKind.DjangoConfigurations, fromEnvironment, hasDefault,
            value.DefaultText, hasDefault ? value.Default : null, value.Location);
        if (fromEnvironment) return Originate(ConfigurationToPython(value, text!, variable), origin);
        if (hasDefault) return Originate(value.Default, origin);
        if (value.Required && _environmentIsComplete)
        {
            RaiseSoft("ValueError");
            return new PythonUnknown($"environment variable {variable} is not set and {value.Kind} requires it (django-configurations raises ValueError)") { Origin = origin };
        }

        return new PythonUnknown($"environment variable {variable} has no default and no production environment was given") { Origin = origin };
    }

    /// <summary>The library's <c>to_python</c> of each value kind, on the variable's text.</summary>
    private PythonValue ConfigurationToPython(ConfigurationValue value, string text, string variable)
    {
        var frame = new Frame(value.Module, null, null, 0);
        PythonValue Cast(string caster) => CallCast(new ExternalObject(caster), new PythonString(text), CallArgs.Of(caster, default, value.Module), frame);
        List<PythonValue> Items() => text.Trim().Split(value.Separator).Select(item => item.Trim()).Where(item => item.Length > 0)
            .Select(item => (PythonValue)new PythonString(item)).ToList();
        switch (value.Kind)
        {
            case "BooleanValue":
                string normalized = text.Trim().ToLowerInvariant();
                if (ConfigurationBoolTrue.Contains(normalized)) return PythonOperations.True;
                if (ConfigurationBoolFalse.Contains(normalized)) return PythonOperations.False;
                RaiseSoft("ValueError");
                return new PythonUnknown($"{PythonRepr.Quote(text)} in {variable} is not a boolean BooleanValue accepts (django-configurations raises ValueError)");
            case "SecretValue" when text.Length == 0:
                RaiseSoft("ValueError");
                return new PythonUnknown($"environment variable {variable} is empty and SecretValue requires a value (django-configurations raises ValueError)");
            case "IntegerValue":
                return Cast("int");
            case "PositiveIntegerValue":
                var number = Cast("int");
                if (number is PythonInt { Value.Sign: < 0 })
                {
                    RaiseSoft("ValueError");
                    return new PythonUnknown($"{text} in {variable} is negative (PositiveIntegerValue raises ValueError)");
                }

                return number;
            case "FloatValue":
                return Cast("float");
            case "ListValue" or "BackendsValue":
                return new PythonList(Items());
            case "TupleValue":
                return new PythonTuple(Items());
            case "SetValue":
                return new PythonSet(Distinct(Items()));
            case "DictValue":
                return text.Length == 0 ? new PythonDict([]) : new PythonUnknown($"dict read from {variable} with ast.literal_eval");
            case "DatabaseURLValue" or "CacheURLValue" or "EmailURLValue" or "SearchURLValue":
                return new PythonUnknown($"settings parsed from the URL in {variable}");
            case "DecimalValue" or "PathValue" or "SingleNestedListValue" or "SingleNestedTupleValue":
                return new PythonUnknown($"{value.Kind} read from {variable}");
            default:
                return new PythonString(text); // Value, SecretValue, EmailValue, URLValue, IPValue, RegexValue: the text, validated
        }
    }

    // ------------------------------------------------------------ choosing a configuration

    /// <summary>The django-configurations classes a module's names include (defined there or imported), in order.</summary>
    public static IReadOnlyList<PythonConfigurationClass> ConfigurationClasses(PythonModuleEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return evaluation.Bindings.Values
            .Where(binding => binding.Value is ClassObject { IsConfiguration: true } cls && cls.Name == binding.Name)
            .Select(binding =>
            {
                var space = ((ClassObject)binding.Value).Namespace!;
                return new PythonConfigurationClass(binding.Name, space.Bases.OfType<ClassObject>().Select(b => b.Name).ToList(), binding.Location);
            })
            .ToList();
    }

    /// <summary>
    /// The module as django-configurations leaves it once <paramref name="className"/> is set up: the class's
    /// upper-case attributes (inherited ones included) replace the module's names, values.*Value objects read the
    /// environment, methods and properties become unknown. Null when the module has no such configuration class.
    /// </summary>
    public PythonModuleEvaluation? WithConfiguration(PythonModuleEvaluation evaluation, string className)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (evaluation.Binding(className)?.Value is not ClassObject { IsConfiguration: true, Namespace: { } space }) return null;
        var bindings = new Dictionary<string, PythonBinding>(evaluation.Bindings, StringComparer.Ordinal);
        foreach (var (name, binding) in ClassSettings(space))
        {
            PythonValue value = binding.Value switch
            {
                ConfigurationValue configured => ResolveConfigurationValue(configured, name),
                FunctionObject function => new PythonUnknown($"computed by method {function.Name}() of configuration class {className}"),
                var other => other,
            };
            bindings[name] = binding with { Name = name, Value = value };
        }

        return evaluation with { Bindings = bindings };
    }
}
