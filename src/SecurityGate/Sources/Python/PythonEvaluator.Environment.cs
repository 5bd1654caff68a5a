using System.Text;

namespace SecurityGate.Sources.Python;

/// <summary>
/// Environment lookups: os.environ / os.getenv, django-environ and python-decouple, with the libraries' casting rules.
/// Values come only from the environment the evaluator was given; a variable missing from it is unset.
/// </summary>
public sealed partial class PythonEvaluator
{
    private static readonly HashSet<string> DjangoEnvironTrue = new(StringComparer.Ordinal) { "true", "on", "ok", "y", "yes", "1" };
    private static readonly HashSet<string> StrToBoolTrue = new(StringComparer.Ordinal) { "y", "yes", "t", "true", "on", "1" };
    private static readonly HashSet<string> StrToBoolFalse = new(StringComparer.Ordinal) { "n", "no", "f", "false", "off", "0" };
    private static readonly HashSet<string> Str2BoolTrue = new(StringComparer.Ordinal) { "yes", "true", "t", "y", "1" };
    private static readonly HashSet<string> Str2BoolFalse = new(StringComparer.Ordinal) { "no", "false", "f", "n", "0" };
    private const int MaxProxyDepth = 8;

    private static PythonValue Originate(PythonValue value, EnvironmentOrigin origin) => value with { Origin = origin };

    // ------------------------------------------------------------ os.environ / os.getenv

    /// <summary>
    /// <c>os.environ[k]</c>, <c>os.environ.get(k, d)</c>, <c>os.getenv(k, d)</c>. Without a written default, get/getenv
    /// return None (the implicit default); a subscript raises KeyError, so the value is unknown.
    /// </summary>
    private PythonValue OsLookup(EnvironmentLookupKind kind, CallArgs args, string keyName, string? defaultName)
    {
        var key = args.Get(0, keyName);
        if (key is not PythonString { Value: var variable })
            return key as PythonUnknown ?? new PythonUnknown($"environment variable name in {args.CalleeText} is not known");

        bool written = defaultName is not null && args.Has(1, defaultName);
        // The implicit None default of get/getenv is only certain when the whole production environment is known.
        PythonValue? defaultValue = written ? args.Get(1, defaultName!)
            : kind == EnvironmentLookupKind.OsEnvironSubscript || !_environmentIsComplete ? null : PythonOperations.None;
        string? defaultText = written ? args.DefaultTextOf(1, defaultName!) : null;
        bool hasDefault = defaultValue is not null;

        if (_environment.TryGetValue(variable, out var text))
            return new PythonString(text) { Origin = new EnvironmentOrigin(variable, kind, true, hasDefault, defaultText, defaultValue, args.Location) };

        var origin = new EnvironmentOrigin(variable, kind, false, hasDefault, defaultText, defaultValue, args.Location);
        if (defaultValue is not null) return Originate(defaultValue, origin);

        if (kind == EnvironmentLookupKind.OsEnvironSubscript)
        {
            RaiseSoft("KeyError");
            return new PythonUnknown($"environment variable {variable} is not set and has no default") { Origin = origin };
        }
        return new PythonUnknown($"environment variable {variable} has no default and no production environment was given") { Origin = origin };
    }

    // ------------------------------------------------------------ django-environ

    private PythonValue MakeDjangoEnv(CallArgs args)
    {
        var scheme = new Dictionary<string, DjangoEnvSchemeEntry>(StringComparer.Ordinal);
        foreach (var (name, value) in args.Keywords)
        {
            // NAME=(cast, default) or NAME=cast
            if (value is PythonTuple { Items.Count: 2 } pair)
            {
                string? defaultText = args.KeywordExpressions.GetValueOrDefault(name) is PyTuple { Elements.Count: 2 } written
                    ? args.Module.Module.TextOf(written.Elements[1].Span)
                    : null;
                scheme[name] = new DjangoEnvSchemeEntry(pair.Items[0], true, pair.Items[1], defaultText);
            }
            else
            {
                scheme[name] = new DjangoEnvSchemeEntry(value, false, null, null);
            }
        }

        return new DjangoEnvReader(scheme);
    }

    private PythonValue DjangoEnvCall(DjangoEnvReader reader, string method, CallArgs args, Frame frame)
    {
        if (args.Unknown is not null) return new PythonUnknown($"result of call to {args.CalleeText}() with unknown arguments");
        PythonValue Cast(string name) => new ExternalObject(name);
        switch (method)
        {
            case "__call__" or "get_value":
                return DjangoGet(reader, args, frame, cast: args.Get(1, "cast"), defaultIndex: 2,
                    parseDefault: PythonOperations.Truthiness(args.Get(3, "parse_default") ?? PythonOperations.False) == true);
            case "str" or "bool" or "int" or "float":
                return DjangoGet(reader, args, frame, Cast(method), defaultIndex: 1, parseDefault: false);
            case "list" or "tuple":
            {
                var itemCast = args.Get(1, "cast");
                PythonValue cast = itemCast is null or PythonNone ? Cast(method)
                    : method == "list" ? new PythonList([itemCast]) : new PythonTuple([itemCast]);
                return DjangoGet(reader, args, frame, cast, defaultIndex: 2, parseDefault: false);
            }

            case "dict":
                return DjangoGet(reader, args, frame, args.Get(1, "cast") ?? Cast("dict"), defaultIndex: 2, parseDefault: false);
            case "json" or "url" or "path" or "bytes":
                return Describe(DjangoGet(reader, args, frame, Cast("str"), defaultIndex: 1, parseDefault: false), $"value of env.{method}()");
            case "db_url" or "db" or "cache_url" or "cache" or "email_url" or "email" or "search_url":
            {
                string variable = method switch
                {
                    "db_url" or "db" => "DATABASE_URL",
                    "cache_url" or "cache" => "CACHE_URL",
                    "email_url" or "email" => "EMAIL_URL",
                    _ => "SEARCH_URL",
                };
                var withVariable = CallArgs.Of(args.CalleeText, args.Span, args.Module, args.Get(0, "var") ?? new PythonString(variable));
                if (args.Has(1, "default"))
                {
                    withVariable.Positional.Add(args.Get(1, "default")!);
                    withVariable.PositionalExpressions.Add(args.Positional.Count > 1 ? args.PositionalExpressions[1] : args.KeywordExpressions.GetValueOrDefault("default"));
                }

                var url = DjangoGet(reader, withVariable, frame, Cast("str"), defaultIndex: 1, parseDefault: false);
                return Describe(url, $"settings parsed from the URL in {variable}");
            }

            case "read_env" or "read_env_file":
                return PythonOperations.None;
            default:
                return new PythonUnknown($"result of call to {args.CalleeText}()");
        }
    }

    /// <summary>Keeps the origin of a lookup but replaces a known value the evaluator does not model (URLs, JSON) with an unknown.</summary>
    private static PythonValue Describe(PythonValue lookedUp, string what) =>
        lookedUp is PythonUnknown ? lookedUp : new PythonUnknown(what) { Origin = lookedUp.Origin };

    /// <summary>django-environ's Env.get_value: scheme, default, "$VAR" proxies, smart cast and parse_value.</summary>
    private PythonValue DjangoGet(DjangoEnvReader reader, CallArgs args, Frame frame, PythonValue? cast, int defaultIndex, bool parseDefault, int depth = 0)
    {
        if (args.Get(0, "var") is not PythonString { Value: var variable })
            return args.Get(0, "var") as PythonUnknown ?? new PythonUnknown($"environment variable name in {args.CalleeText} is not known");

        bool hasDefault = args.Has(defaultIndex, "default");
        var defaultValue = args.Get(defaultIndex, "default");
        string? defaultText = args.TextOf(defaultIndex, "default");
        if (reader.Scheme.TryGetValue(variable, out var entry))
        {
            if (cast is null or PythonNone) cast = entry.Cast;
            if (!hasDefault && entry.HasDefault)
            {
                hasDefault = true;
                defaultValue = entry.Default;
                defaultText = entry.DefaultText;
            }
        }

        bool fromEnvironment = _environment.TryGetValue(variable, out var text);
        var origin = new EnvironmentOrigin(variable, EnvironmentLookupKind.DjangoEnviron, fromEnvironment, hasDefault, defaultText, defaultValue, args.Location);
        PythonValue value;
        if (fromEnvironment)
        {
            value = new PythonString(text!);
        }
        else if (!hasDefault)
        {
            RaiseSoft("ImproperlyConfigured");
            return new PythonUnknown($"environment variable {variable} is not set and has no default (django-environ raises ImproperlyConfigured)") { Origin = origin };
        }
        else
        {
            value = defaultValue!;
        }

        // A value "$OTHER" stands for the value of OTHER.
        if (value is PythonString { Value: var proxied } && proxied.StartsWith('$') && depth < MaxProxyDepth)
        {
            var proxy = CallArgs.Of(args.CalleeText, args.Span, args.Module, new PythonString(proxied.TrimStart('$')));
            if (hasDefault)
            {
                proxy.Positional.Add(defaultValue!);
                proxy.PositionalExpressions.Add(null);
            }

            return DjangoGet(reader, proxy, frame, cast, defaultIndex: 1, parseDefault, depth + 1);
        }

        // Smart cast: with no cast, the default's type decides.
        if (cast is null or PythonNone && hasDefault && defaultValue is not (null or PythonNone))
            cast = new ExternalObject(defaultValue.TypeName);

        if (hasDefault && defaultValue is PythonNone && value is PythonString { Value: "" })
            value = PythonOperations.None;

        // As in django-environ, a value equal to the default is returned as is (not cast) unless parse_default.
        bool equalsDefault = hasDefault && PythonOperations.AreEqual(value, defaultValue!) == true;
        if (!equalsDefault || (parseDefault && value is not PythonNone))
            value = DjangoParseValue(value, cast, args, frame);
        return Originate(value, origin);
    }

    private PythonValue DjangoParseValue(PythonValue value, PythonValue? cast, CallArgs args, Frame frame)
    {
        if (cast is null or PythonNone) return value;
        if (PythonOperations.FirstUnknown(value) is { } unknown) return unknown;
        string? castName = (cast as ExternalObject)?.QualifiedName;
        string? text = (value as PythonString)?.Value;
        switch (castName)
        {
            case "bool":
                if (text is null) return PythonOperations.IsNumber(value) ? PythonOperations.Bool(!PythonOperations.ToInteger(value).IsZero) : CastFailure(value, "bool");
                return PythonOperations.ParseInt(text) is { } number
                    ? PythonOperations.Bool(!number.IsZero)
                    : PythonOperations.Bool(DjangoEnvironTrue.Contains(text.ToLowerInvariant().Trim()));
            case "int" or "str":
                return CallCast(cast, value, args, frame);
            case "float":
                return text is null ? CallCast(cast, value, args, frame) : DjangoFloat(text);
            case "list" or "tuple":
                if (text is null) return value is PythonList or PythonTuple ? value : CastFailure(value, castName);
                var parts = SplitNonEmpty(castName == "tuple" ? text.Trim('(', ')') : text, ',');
                return castName == "list" ? new PythonList(parts) : new PythonTuple(parts);
            case "dict":
                if (text is null) return value is PythonDict ? value : CastFailure(value, "dict");
                var entries = new List<KeyValuePair<PythonValue, PythonValue>>();
                foreach (var item in text.Split(','))
                {
                    if (item.Length == 0) continue;
                    int equals = item.IndexOf('=');
                    if (equals < 0) return CastFailure(value, "dict");
                    PythonOperations.SetEntry(entries, new PythonString(item[..equals]), new PythonString(item[(equals + 1)..]));
                }

                return new PythonDict(entries);
        }

        if (cast is PythonList { Items.Count: 1 } or PythonTuple { Items.Count: 1 })
        {
            if (text is null) return CastFailure(value, "list");
            var itemCast = ((cast as PythonList)?.Items ?? ((PythonTuple)cast).Items)[0];
            var source = cast is PythonList ? text : text.Trim('(', ')');
            var items = SplitNonEmpty(source, ',').Select(item => CallCast(itemCast, item, args, frame)).ToList();
            return cast is PythonList ? new PythonList(items) : new PythonTuple(items);
        }

        return CallCast(cast, value, args, frame);
    }

    private PythonValue CastFailure(PythonValue value, string cast)
    {
        RaiseSoft("ValueError");
        return new PythonUnknown($"{value} cannot be cast to {cast}");
    }

    private static List<PythonValue> SplitNonEmpty(string text, char separator) =>
        text.Split(separator).Where(part => part.Length > 0).Select(part => (PythonValue)new PythonString(part)).ToList();

    /// <summary>django-environ's float cast: drops everything but digits, ',', '.', '-' and reads the last separator as the decimal point.</summary>
    private PythonValue DjangoFloat(string text)
    {
        var cleaned = new string(text.Where(c => char.IsAsciiDigit(c) || c is ',' or '.' or '-').ToArray());
        var parts = cleaned.Split(',', '.');
        string number = parts.Length == 1 ? parts[0] : string.Concat(parts[..^1]) + "." + parts[^1];
        if (PythonOperations.ParseFloat(number) is { } parsed) return new PythonFloat(parsed);
        RaiseSoft("ValueError");
        return new PythonUnknown($"could not convert string to float: {PythonRepr.Quote(text)}");
    }

    // ------------------------------------------------------------ python-decouple

    /// <summary>decouple's <c>config(option, default, cast)</c>: the default is cast too; cast=bool has its own rules.</summary>
    private PythonValue DecoupleLookup(CallArgs args, Frame frame)
    {
        if (args.Get(0, "option") is not PythonString { Value: var variable })
            return args.Get(0, "option") as PythonUnknown ?? new PythonUnknown($"environment variable name in {args.CalleeText} is not known");

        bool hasDefault = args.Has(1, "default");
        var defaultValue = args.Get(1, "default");
        bool fromEnvironment = _environment.TryGetValue(variable, out var text);
        var origin = new EnvironmentOrigin(variable, EnvironmentLookupKind.Decouple, fromEnvironment, hasDefault, args.DefaultTextOf(1, "default"), defaultValue, args.Location);

        PythonValue value;
        if (fromEnvironment) value = new PythonString(text!);
        else if (hasDefault) value = defaultValue!;
        else
        {
            RaiseSoft("UndefinedValueError");
            return new PythonUnknown($"environment variable {variable} is not set and has no default (decouple raises UndefinedValueError)") { Origin = origin };
        }

        var cast = args.Get(2, "cast");
        if (cast is null) return Originate(value, origin);
        if (cast is ExternalObject { QualifiedName: "bool" }) return Originate(DecoupleBool(value), origin);
        return Originate(CallCast(cast, value, args, frame), origin);
    }

    private PythonValue DecoupleBool(PythonValue value)
    {
        if (PythonOperations.FirstUnknown(value) is { } unknown) return unknown;
        string? text = PythonOperations.ToStr(value);
        if (text is null) return new PythonUnknown("value could not be read as text");
        if (text.Length == 0) return PythonOperations.False;
        string lower = text.ToLowerInvariant();
        if (StrToBoolTrue.Contains(lower)) return PythonOperations.True;
        if (StrToBoolFalse.Contains(lower)) return PythonOperations.False;
        RaiseSoft("ValueError");
        return new PythonUnknown($"{PythonRepr.Quote(text)} is not a valid boolean for decouple's cast=bool (it raises ValueError)");
    }

    private static PythonValue MakeDecoupleCsv(CallArgs args)
    {
        var cast = args.Get(0, "cast");
        string delimiter = args.Get(1, "delimiter") is PythonString d ? d.Value : ",";
        string strip = args.Get(2, "strip") is PythonString s ? s.Value : " \t\n\r\v\f";
        bool asTuple = args.Get(3, "post_process") is ExternalObject { QualifiedName: "tuple" };
        return new DecoupleCsv(cast is PythonNone ? null : cast, delimiter, strip, asTuple);
    }

    /// <summary>decouple's Csv: split on the delimiter characters, strip each part, drop empty parts, cast each.</summary>
    private PythonValue ApplyCsv(DecoupleCsv csv, PythonValue value, Frame frame)
    {
        if (PythonOperations.FirstUnknown(value) is { } unknown) return unknown;
        if (value is PythonNone) return csv.AsTuple ? new PythonTuple([]) : new PythonList([]);
        if (value is not PythonString { Value: var text }) return new PythonUnknown($"Csv() of a {value.TypeName}");

        var items = new List<PythonValue>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length == 0) return;
            string part = current.ToString().Trim(csv.Strip.ToCharArray());
            current.Clear();
            PythonValue item = new PythonString(part);
            if (csv.Cast is not null)
                item = CallCast(csv.Cast, item, CallArgs.Of("Csv", default, frame.Module), frame);
            items.Add(item);
        }

        foreach (char c in text)
        {
            if (csv.Delimiter.Contains(c)) Flush();
            else current.Append(c);
        }

        Flush();
        return csv.AsTuple ? new PythonTuple(items) : new PythonList(items);
    }

    private PythonValue ApplyChoices(DecoupleChoices choices, PythonValue value, Frame frame)
    {
        var cast = choices.Cast is null ? value : CallCast(choices.Cast, value, CallArgs.Of("Choices", default, frame.Module), frame);
        if (choices.Allowed is null || !cast.IsKnown) return cast;
        if (choices.Allowed.Any(allowed => PythonOperations.AreEqual(allowed, cast) == true)) return cast;
        RaiseSoft("ValueError");
        return new PythonUnknown($"{cast} is not one of the allowed choices");
    }

    /// <summary><c>dj_database_url.config(env="DATABASE_URL", default=...)</c>: the parsed dict is not modelled, its origin is.</summary>
    private PythonValue DatabaseUrlConfig(CallArgs args)
    {
        var variable = args.Keywords.GetValueOrDefault("env") as PythonString ?? new PythonString("DATABASE_URL");
        var lookup = CallArgs.Of(args.CalleeText, args.Span, args.Module, variable);
        if (args.Keywords.TryGetValue("default", out var defaultValue))
        {
            lookup.Positional.Add(defaultValue);
            lookup.PositionalExpressions.Add(args.KeywordExpressions.GetValueOrDefault("default"));
        }

        var url = OsLookup(EnvironmentLookupKind.OsEnvironGet, lookup, keyName: "key", defaultName: "default");
        return url is PythonNone && !args.Keywords.ContainsKey("default")
            ? new PythonDict([]) { Origin = url.Origin } // dj_database_url returns {} when the variable is unset
            : Describe(url, $"settings parsed from the URL in {variable.Value}");
    }

    // ------------------------------------------------------------ strtobool helpers

    /// <summary>distutils' strtobool: returns 1 or 0 (ints, not bools) and raises ValueError on anything else.</summary>
    private PythonValue StrToBool(PythonValue value)
    {
        if (PythonOperations.FirstUnknown(value) is { } unknown) return unknown;
        if (value is not PythonString { Value: var text }) return new PythonUnknown($"strtobool() of a {value.TypeName}");
        string lower = text.ToLowerInvariant();
        if (StrToBoolTrue.Contains(lower)) return PythonOperations.WithOrigin(new PythonInt(1), value.Origin);
        if (StrToBoolFalse.Contains(lower)) return PythonOperations.WithOrigin(new PythonInt(0), value.Origin);
        RaiseSoft("ValueError");
        return new PythonUnknown($"invalid truth value {PythonRepr.Quote(text)}") { Origin = value.Origin };
    }

    /// <summary>The str2bool package: True / False for its spellings, None for anything else.</summary>
    private static PythonValue Str2Bool(PythonValue value)
    {
        if (PythonOperations.FirstUnknown(value) is { } unknown) return unknown;
        if (value is PythonBool) return value;
        if (value is not PythonString { Value: var text }) return new PythonUnknown($"str2bool() of a {value.TypeName}");
        string lower = text.ToLowerInvariant();
        PythonValue result = Str2BoolTrue.Contains(lower) ? PythonOperations.True
            : Str2BoolFalse.Contains(lower) ? PythonOperations.False
            : PythonOperations.None;
        return PythonOperations.WithOrigin(result, value.Origin);
    }
}
