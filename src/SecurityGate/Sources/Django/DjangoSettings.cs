using SecurityGate.Configuration;
using SecurityGate.Findings;
using SecurityGate.Sources.Python;

namespace SecurityGate.Sources.Django;

/// <summary>
/// One setting as the judged module ends up with it: the evaluated value and where it was set, or the version's
/// default when the project never sets it (then <see cref="Location"/> is null).
/// </summary>
public sealed record DjangoSetting(string Name, PythonValue? Value, SourceLocation? Location, bool IsDefault)
{
    public bool IsKnown => Value is { IsKnown: true };

    /// <summary>Python truthiness, or null when the value cannot be known statically.</summary>
    public bool? IsTruthy => Value is null ? false : PythonOperations.Truthiness(Value);

    /// <summary>Python <c>value is True</c>.</summary>
    public bool? IsExactlyTrue => Value switch
    {
        null => false,
        PythonBool b => b.Value,
        { IsKnown: true } => false,
        _ => null,
    };

    public string? AsString => Value is PythonString s ? s.Value : null;

    /// <summary>How the value was obtained, for messages: "set in app/settings.py:12", "from environment variable X", "Django's default".</summary>
    public string Provenance
    {
        get
        {
            if (IsDefault)
                return "not set, so Django's default applies";
            var where = Location is { } l ? $"set in {l.Path}:{l.Line}" : "set";
            return Value?.Origin is { } origin
                ? origin.FromEnvironment
                    ? $"{where} from environment variable {origin.Variable}"
                    : origin.HasDefault
                        ? $"{where} from the default {origin.DefaultText} of environment variable {origin.Variable}, which the production environment does not set"
                        : $"{where} from environment variable {origin.Variable}, which has no default"
                : where;
        }
    }
}

/// <summary>
/// A settings module judged as a deploy target: its evaluated names, the Django version whose checks and defaults
/// apply, and how both were chosen. Rules read settings through <see cref="Get"/> so defaults are never forgotten.
/// </summary>
public sealed class DjangoSettings(
    string module,
    string modulePath,
    string chosenBecause,
    DjangoVersion version,
    string versionSource,
    PythonModuleEvaluation evaluation,
    ConfigurationClassChoice? configuration = null)
{
    public string Module { get; } = module;
    public string ModulePath { get; } = modulePath;
    public string ChosenBecause { get; } = chosenBecause;
    public DjangoVersion Version { get; } = version;
    public string VersionSource { get; } = versionSource;
    public PythonModuleEvaluation Evaluation { get; } = evaluation;

    /// <summary>The django-configurations class whose attributes are the settings, and why it was chosen; null without one.</summary>
    public ConfigurationClassChoice? Configuration { get; } = configuration;

    public string Target => Finding.DjangoTarget(Module);

    /// <summary>Where findings about settings the module never sets point: the judged module's first line.</summary>
    public SourceLocation ModuleLocation => SourceLocation.At(ModulePath, 1);

    public bool IsSet(string name) => Evaluation.Binding(name) is not null;

    /// <summary>Django drops messages whose id is listed in SILENCED_SYSTEM_CHECKS; so does the gate, for parity.</summary>
    public bool IsSilenced(string checkId) => StringItems("SILENCED_SYSTEM_CHECKS")?.Contains(checkId) == true;

    public DjangoSetting Get(string name) => Evaluation.Binding(name) is { } binding
        ? new DjangoSetting(name, binding.Value, binding.Location, IsDefault: false)
        : new DjangoSetting(name, DjangoDefaults.Get(name, Version), null, IsDefault: true);

    /// <summary>A location for a finding about <paramref name="setting"/>: where it was set, else the module's first line.</summary>
    public SourceLocation LocationOf(DjangoSetting setting) => setting.Location ?? ModuleLocation;

    /// <summary>The string items of a list/tuple setting, or null when it is not statically known.</summary>
    public IReadOnlyList<string>? StringItems(string name)
    {
        var value = Get(name).Value;
        var items = value is null ? null : PythonOperations.Iterate(value);
        if (items is null || items.Any(i => i is not PythonString))
            return null;
        return items.Cast<PythonString>().Select(s => s.Value).ToList();
    }

    /// <summary>Membership as Django tests it (exact dotted path); null when the list is not statically known.</summary>
    public bool? Contains(string listSetting, string item)
    {
        var value = Get(listSetting).Value;
        var items = value is null ? null : PythonOperations.Iterate(value);
        if (items is null)
            return null;
        if (items.Any(i => i is PythonString s && s.Value == item))
            return true;
        return items.All(i => i.IsKnown) ? false : null;
    }
}
