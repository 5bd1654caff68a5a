using System.Globalization;
using System.Numerics;
using System.Text;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Python;

/// <summary>
/// A value the abstract evaluator computed for an expression. <see cref="ToString"/> renders it the way Python's
/// repr() would (unknown values render as <c>&lt;unknown: reason&gt;</c>).
/// </summary>
public abstract record PythonValue
{
    /// <summary>Set when the value came from (or was computed from) an environment variable lookup.</summary>
    public EnvironmentOrigin? Origin { get; init; }

    /// <summary>The Python type name ("str", "int", "list", ...; "unknown" for <see cref="PythonUnknown"/>).</summary>
    public abstract string TypeName { get; }

    public bool IsKnown => this is not (PythonUnknown or PythonPossibleValues or PythonObject);

    public abstract override string ToString();
}

public sealed record PythonString(string Value) : PythonValue
{
    public override string TypeName => "str";
    public override string ToString() => PythonRepr.Quote(Value);
}

/// <summary>A bytes literal, each character standing for one byte.</summary>
public sealed record PythonBytes(string Value) : PythonValue
{
    public override string TypeName => "bytes";
    public override string ToString() => "b" + PythonRepr.Quote(Value);
}

public sealed record PythonInt(BigInteger Value) : PythonValue
{
    public override string TypeName => "int";
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

public sealed record PythonFloat(double Value) : PythonValue
{
    public override string TypeName => "float";
    public override string ToString() => PythonRepr.Float(Value);
}

public sealed record PythonBool(bool Value) : PythonValue
{
    public override string TypeName => "bool";
    public override string ToString() => Value ? "True" : "False";
}

public sealed record PythonNone : PythonValue
{
    public override string TypeName => "NoneType";
    public override string ToString() => "None";
}

public sealed record PythonList(IReadOnlyList<PythonValue> Items) : PythonValue
{
    public override string TypeName => "list";
    public override string ToString() => "[" + string.Join(", ", Items) + "]";
}

public sealed record PythonTuple(IReadOnlyList<PythonValue> Items) : PythonValue
{
    public override string TypeName => "tuple";
    public override string ToString() => Items.Count == 1 ? $"({Items[0]},)" : "(" + string.Join(", ", Items) + ")";
}

public sealed record PythonSet(IReadOnlyList<PythonValue> Items) : PythonValue
{
    public override string TypeName => "set";
    public override string ToString() => Items.Count == 0 ? "set()" : "{" + string.Join(", ", Items) + "}";
}

/// <summary>A dict with its entries in insertion order.</summary>
public sealed record PythonDict(IReadOnlyList<KeyValuePair<PythonValue, PythonValue>> Entries) : PythonValue
{
    public override string TypeName => "dict";

    /// <summary>The value stored under a key equal (Python ==) to <paramref name="key"/>, or null.</summary>
    public PythonValue? Get(PythonValue key)
    {
        foreach (var (k, v) in Entries)
        {
            if (PythonOperations.AreEqual(k, key) == true) return v;
        }

        return null;
    }

    public PythonValue? Get(string key) => Get(new PythonString(key));

    public override string ToString() => "{" + string.Join(", ", Entries.Select(e => $"{e.Key}: {e.Value}")) + "}";
}

/// <summary>A value the evaluator cannot know; <see cref="Reason"/> says why, for messages.</summary>
public sealed record PythonUnknown(string Reason) : PythonValue
{
    public override string TypeName => "unknown";
    public override string ToString() => $"<unknown: {Reason}>";
}

/// <summary>
/// A name set differently on the branches of a condition the evaluator could not decide: one option per branch,
/// each with where it was set and the condition under which it applies.
/// </summary>
public sealed record PythonPossibleValues(IReadOnlyList<PossibleValue> Options) : PythonValue
{
    public override string TypeName => "possible values";
    public override string ToString() => "<one of: " + string.Join(" | ", Options.Select(o => $"{o.Value} when {o.Condition}")) + ">";
}

/// <summary>One possibility; <see cref="Location"/> is null when the name was not set on that path.</summary>
public sealed record PossibleValue(PythonValue Value, SourceLocation? Location, string Condition);

/// <summary>
/// Something that is not plain data: a module, a function, an environment reader, a class...
/// <see cref="Description"/> says what it is.
/// </summary>
public abstract record PythonObject : PythonValue
{
    /// <summary>What the object is, e.g. "module 'os'" or "function env_bool".</summary>
    public abstract string Description { get; }

    public override string TypeName => "object";
    public sealed override string ToString() => $"<{Description}>";
}

/// <summary>How an environment variable was read.</summary>
public enum EnvironmentLookupKind
{
    /// <summary><c>os.environ["X"]</c></summary>
    OsEnvironSubscript,
    /// <summary><c>os.environ.get("X", default)</c>, <c>environ.get</c>, <c>os.environ.setdefault</c></summary>
    OsEnvironGet,
    /// <summary><c>os.getenv("X", default)</c></summary>
    OsGetenv,
    /// <summary>django-environ: <c>env("X")</c>, <c>env.bool("X")</c>, ...</summary>
    DjangoEnviron,
    /// <summary>python-decouple: <c>config("X", default=..., cast=...)</c></summary>
    Decouple,
    /// <summary>django-configurations: <c>values.BooleanValue(default)</c> in a configuration class reads DJANGO_&lt;NAME&gt;</summary>
    DjangoConfigurations,
}

/// <summary>
/// Where a value came from when it was read from the environment. <see cref="FromEnvironment"/> is true when the
/// supplied environment held the variable, false when the lookup's default (or nothing) was used.
/// <see cref="DefaultText"/> is the default's source text as written (e.g. <c>"True"</c> with its quotes).
/// </summary>
public sealed record EnvironmentOrigin(
    string Variable,
    EnvironmentLookupKind Kind,
    bool FromEnvironment,
    bool HasDefault,
    string? DefaultText,
    PythonValue? DefaultValue,
    SourceLocation Location)
{
    /// <summary>The variable was not set and the lookup had no default: Python would raise.</summary>
    public bool NoDefault => !FromEnvironment && !HasDefault;
}

/// <summary>Python repr() of scalars.</summary>
internal static class PythonRepr
{
    public static string Quote(string value)
    {
        char quote = value.Contains('\'') && !value.Contains('"') ? '"' : '\'';
        var builder = new StringBuilder(value.Length + 2);
        builder.Append(quote);
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c == quote) builder.Append('\\').Append(c);
                    else if (c < ' ' || c == '\x7f') builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }

        return builder.Append(quote).ToString();
    }

    public static string Float(double value)
    {
        if (double.IsPositiveInfinity(value)) return "inf";
        if (double.IsNegativeInfinity(value)) return "-inf";
        if (double.IsNaN(value)) return "nan";
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        int e = text.IndexOf('E');
        if (e >= 0)
        {
            string mantissa = text[..e];
            string exponent = text[(e + 1)..];
            string sign = exponent.StartsWith('-') ? "-" : "+";
            exponent = exponent.TrimStart('+', '-').PadLeft(2, '0');
            return $"{mantissa}e{sign}{exponent}";
        }

        return text.Contains('.') ? text : text + ".0";
    }
}
