namespace SecurityGate.Sources.Python;

public sealed partial class PythonEvaluator
{
    /// <summary>Libraries whose behaviour the evaluator models (their names are handled, never looked up in the project).</summary>
    private static readonly HashSet<string> ModelledLibraries = new(StringComparer.Ordinal)
    {
        "os", "sys", "pathlib", "environ", "decouple", "distutils", "setuptools", "str2bool",
    };

    /// <summary>
    /// Standard-library and common third-party packages a settings module imports. They are not in the repository, and
    /// not finding them is expected, so no note is made; their names evaluate to unknown values.
    /// </summary>
    private static readonly HashSet<string> WellKnownExternalPackages = new(StringComparer.Ordinal)
    {
        "abc", "ast", "base64", "collections", "contextlib", "copy", "datetime", "decimal", "email", "enum", "functools",
        "glob", "hashlib", "importlib", "io", "itertools", "json", "logging", "math", "mimetypes", "platform", "random",
        "re", "secrets", "shutil", "socket", "ssl", "string", "subprocess", "tempfile", "time", "typing", "urllib",
        "uuid", "warnings", "zoneinfo", "__future__", "dataclasses", "configparser", "getpass", "ipaddress",
        "django", "rest_framework", "celery", "kombu", "sentry_sdk", "dj_database_url", "dj_email_url", "django_cache_url",
        "corsheaders", "storages", "boto3", "botocore", "whitenoise", "debug_toolbar", "redis", "psycopg2", "psycopg",
        "dotenv", "yaml", "toml", "tomllib", "pydantic", "pydantic_settings", "configurations", "split_settings",
        "google", "azure", "structlog", "allauth", "crispy_forms", "django_extensions", "csp", "axes", "two_factor",
        "oauth2_provider", "graphene", "channels", "gunicorn", "uvicorn", "requests", "jwt", "rest_framework_simplejwt",
    };

    private static string TopLevel(string moduleName)
    {
        int dot = moduleName.IndexOf('.');
        return dot < 0 ? moduleName : moduleName[..dot];
    }

    private void EvaluateImport(PyImport statement, ModuleContext context)
    {
        foreach (var alias in statement.Names)
        {
            var module = ImportModule(alias.Name, statement.Span, context);
            if (alias.AsName is not null)
            {
                Bind(context, alias.AsName, module, statement.Span);
                continue;
            }

            // "import a.b.c" binds "a"; the submodules are reachable as its attributes.
            string top = TopLevel(alias.Name);
            PythonValue topValue = top == alias.Name ? module
                : module is ExternalObject ? new ExternalObject(top)
                : new ModuleObject(top, LoadedModule(top));
            Bind(context, top, topValue, statement.Span);
        }
    }

    /// <summary>Imports a module (and its parent packages) for its value: a project module, or a library stand-in.</summary>
    private PythonValue ImportModule(string moduleName, PySpan span, ModuleContext context)
    {
        if (ModelledLibraries.Contains(TopLevel(moduleName)))
            return new ExternalObject(moduleName);

        var parts = moduleName.Split('.');
        ModuleContext? loaded = null;
        for (int i = 1; i <= parts.Length; i++)
            loaded = LoadModule(string.Join('.', parts, 0, i), span, context);

        if (loaded is not null) return new ModuleObject(moduleName, loaded);
        // A namespace package has submodules found in the repository (failed lookups are remembered as null too).
        if (_modules.Any(entry => entry.Value is not null && entry.Key.StartsWith(moduleName + ".", StringComparison.Ordinal)))
            return new ModuleObject(moduleName, null); // a namespace package (folder without __init__.py)

        ReportUnresolved(moduleName, span, context);
        return new ExternalObject(moduleName);
    }

    private void ReportUnresolved(string moduleName, PySpan span, ModuleContext context)
    {
        string top = TopLevel(moduleName);
        if (WellKnownExternalPackages.Contains(top) || ModelledLibraries.Contains(top)) return;
        Note(PythonNoteKind.UnresolvedImport, $"module '{moduleName}' was not found in the repository", Loc(span, context));
        RaiseSoft("ModuleNotFoundError");
    }

    /// <summary>A module evaluated earlier in this run, if any.</summary>
    private ModuleContext? LoadedModule(string moduleName) =>
        _modules.TryGetValue(moduleName, out var context) ? context : null;

    /// <summary>Finds and evaluates a project module once; null when the repository has no such module.</summary>
    private ModuleContext? LoadModule(string moduleName, PySpan span, ModuleContext importer)
    {
        if (_modules.TryGetValue(moduleName, out var existing))
        {
            if (existing is null) return null;
            if (existing.Evaluating)
            {
                Note(PythonNoteKind.ImportCycle,
                    $"'{importer.Name}' imports '{moduleName}' while '{moduleName}' is still being evaluated (circular import); only the names it has set so far are visible",
                    Loc(span, importer));
                return existing;
            }

            importer.Absorb(existing);
            return existing;
        }

        if (_evaluating.Count >= MaxImportDepth)
        {
            Note(PythonNoteKind.Unsupported, $"imports nest more than {MaxImportDepth} deep; '{moduleName}' was not evaluated", Loc(span, importer));
            return null;
        }

        var source = SafeResolve(moduleName, Loc(span, importer));
        if (source is null)
        {
            _modules[moduleName] = null;
            return null;
        }

        var context = new ModuleContext(moduleName, source.Path, source.IsPackage, source.Text ?? "");
        _modules[moduleName] = context;
        EvaluateContext(context);
        importer.Absorb(context);
        return context;
    }

    /// <summary>The absolute name a (possibly relative) from-import refers to; null when it climbs above the top package.</summary>
    private static string? AbsoluteModuleName(string? module, int level, ModuleContext context)
    {
        if (level == 0) return module;
        var parts = context.Name.Length == 0 ? [] : context.Name.Split('.');
        int packageLength = context.IsPackage ? parts.Length : parts.Length - 1;
        int keep = packageLength - (level - 1);
        if (keep < 1) return null;
        string package = string.Join('.', parts, 0, keep);
        return module is null ? package : package + "." + module;
    }

    private void EvaluateImportFrom(PyImportFrom statement, ModuleContext context)
    {
        string? moduleName = AbsoluteModuleName(statement.Module, statement.Level, context);
        string written = new string('.', statement.Level) + statement.Module;
        if (moduleName is null)
        {
            Note(PythonNoteKind.UnresolvedImport,
                $"relative import '{written}' goes beyond the top-level package of '{(context.Name.Length == 0 ? context.Path : context.Name)}'",
                Loc(statement.Span, context));
            RaiseSoft("ImportError");
            foreach (var alias in statement.Names)
                Bind(context, alias.AsName ?? alias.Name, new PythonUnknown($"imported from unresolved module '{written}'"), statement.Span);
            return;
        }

        if (ModelledLibraries.Contains(TopLevel(moduleName)))
        {
            foreach (var alias in statement.Names)
                Bind(context, alias.AsName ?? alias.Name, new ExternalObject(moduleName + "." + alias.Name), statement.Span);
            return;
        }

        // As in Python, the parent packages are imported (their __init__ files run) before the module itself.
        var parts = moduleName.Split('.');
        for (int i = 1; i < parts.Length; i++)
            LoadModule(string.Join('.', parts, 0, i), statement.Span, context);
        var module = LoadModule(moduleName, statement.Span, context);
        if (statement.IsStar)
        {
            if (module is null) ReportUnresolved(moduleName, statement.Span, context);
            else CopyPublicNames(module, context);
            return;
        }

        bool reported = false;
        foreach (var alias in statement.Names)
        {
            string boundName = alias.AsName ?? alias.Name;
            if (module is not null && module.Globals.TryGetValue(alias.Name, out var binding))
            {
                // Keep the original binding: its location points at the file that really set the value.
                context.Globals[boundName] = alias.AsName is null ? binding : binding with { Name = boundName };
                continue;
            }

            var submodule = LoadModule(moduleName + "." + alias.Name, statement.Span, context);
            if (submodule is not null)
            {
                Bind(context, boundName, new ModuleObject(submodule.Name, submodule), statement.Span);
                continue;
            }

            if (module is not null)
            {
                Note(PythonNoteKind.UnresolvedImport, $"'{alias.Name}' is not set by module '{moduleName}'", Loc(alias.Span, context));
                Bind(context, boundName, new PythonUnknown($"'{alias.Name}' imported from '{moduleName}', which does not set it"), statement.Span);
                continue;
            }

            if (!reported)
            {
                ReportUnresolved(moduleName, statement.Span, context);
                reported = true;
            }

            PythonValue value = WellKnownExternalPackages.Contains(TopLevel(moduleName))
                ? new ExternalObject(moduleName + "." + alias.Name)
                : new PythonUnknown($"'{alias.Name}' imported from unresolved module '{moduleName}'");
            Bind(context, boundName, value, statement.Span);
        }
    }

    /// <summary><c>from module import *</c>: names listed in a known <c>__all__</c>, otherwise every name not starting with "_".</summary>
    private static void CopyPublicNames(ModuleContext module, ModuleContext into)
    {
        IEnumerable<string> names = module.Globals.Keys.Where(name => !name.StartsWith('_'));
        if (module.Globals.TryGetValue("__all__", out var all) && PythonOperations.Iterate(all.Value) is { } listed
            && all.Value is PythonList or PythonTuple && listed.All(item => item is PythonString))
        {
            names = listed.Select(item => ((PythonString)item).Value);
        }

        foreach (var name in names.ToList())
        {
            if (module.Globals.TryGetValue(name, out var binding)) into.Globals[name] = binding;
        }
    }
}
