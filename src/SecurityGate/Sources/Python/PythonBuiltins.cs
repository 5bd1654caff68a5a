using System.Globalization;
using System.Numerics;
using System.Text;

namespace SecurityGate.Sources.Python;

/// <summary>Built-in functions and methods of str, list, tuple and dict, as far as settings modules use them.</summary>
internal static class PythonBuiltins
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "int", "float", "str", "bool", "bytes", "len", "list", "tuple", "set", "frozenset", "dict", "sorted", "min", "max",
        "abs", "repr", "print", "isinstance", "issubclass", "any", "all", "range", "reversed", "enumerate", "zip", "map",
        "filter", "getattr", "setattr", "hasattr", "type", "object", "open", "id", "hash", "globals", "locals", "vars",
        "callable", "iter", "next", "round", "sum", "format", "chr", "ord", "hex", "oct", "bin", "super", "property",
        "staticmethod", "classmethod", "Exception", "BaseException", "ValueError", "KeyError", "TypeError",
        "ImportError", "ModuleNotFoundError", "AttributeError", "RuntimeError", "NotImplementedError", "OSError",
        "IndexError", "LookupError", "NameError", "NotImplemented", "__import__",
    };

    public static bool IsBuiltin(string name) => Names.Contains(name);

    /// <summary>
    /// Calls a builtin; null when it is not modelled. <paramref name="raise"/> records exceptions the call raises,
    /// <paramref name="call"/> calls another value (for map-like builtins).
    /// </summary>
    public static PythonValue? Call(string name, CallArgs args, Action<string> raise, Func<PythonValue, PythonValue, PythonValue> call)
    {
        var first = args.Positional.Count > 0 ? args.Positional[0] : null;
        var origin = first?.Origin;
        if (first is PythonPossibleValues && name is not ("print" or "isinstance" or "dict" or "min" or "max"))
            return CallOnEachPossibility(name, args, raise, call);

        if (first is not null && name is not ("print" or "isinstance" or "repr" or "bool") && PythonOperations.FirstUnknown(first) is { } unknown)
            return unknown;

        PythonValue? result = name switch
        {
            "int" => ToInt(first, args, raise),
            "float" => ToFloat(first, raise),
            "str" => first is null ? new PythonString("") : PythonOperations.ToStr(first) is { } text ? new PythonString(text) : null,
            "repr" => first is null ? null : PythonOperations.Repr(first) is { } repr ? new PythonString(repr) : PythonOperations.FirstUnknown(first),
            "bool" => first is null ? PythonOperations.False : PythonOperations.Truthiness(first) is { } truth ? PythonOperations.Bool(truth) : PythonOperations.FirstUnknown(first),
            "len" => first is not null && Length(first) is { } length ? new PythonInt(length) : null,
            "list" => first is null ? new PythonList([]) : PythonOperations.Iterate(first) is { } items ? new PythonList(items.ToList()) : null,
            "tuple" => first is null ? new PythonTuple([]) : PythonOperations.Iterate(first) is { } items ? new PythonTuple(items.ToList()) : null,
            "set" or "frozenset" => first is null ? new PythonSet([]) : PythonOperations.Iterate(first) is { } items ? new PythonSet(DistinctItems(items)) : null,
            "dict" => MakeDict(args),
            "sorted" => first is not null && args.Keywords.Count == 0 && PythonOperations.Iterate(first) is { } items && Sorted(items.ToList()) is { } sorted ? new PythonList(sorted) : null,
            "min" or "max" => MinMax(name, args),
            "abs" => first is PythonFloat f ? new PythonFloat(Math.Abs(f.Value)) : first is not null && PythonOperations.IsNumber(first) ? new PythonInt(BigInteger.Abs(PythonOperations.ToInteger(first))) : null,
            "any" or "all" => first is not null ? AnyAll(name, first) : null,
            "print" => PythonOperations.None,
            "range" => MakeRange(args),
            "reversed" => first is not null && PythonOperations.Iterate(first) is { } items ? new PythonTuple(items.Reverse().ToList()) : null,
            "map" when args.Positional.Count == 2 && PythonOperations.Iterate(args.Positional[1]) is { } items =>
                new PythonTuple(items.Select(item => call(args.Positional[0], item)).ToList()),
            _ => null,
        };
        return result is null ? null : PythonOperations.WithOrigin(result, origin);
    }

    /// <summary>A builtin applied to a first argument with several possible values, option by option.</summary>
    private static PythonValue? CallOnEachPossibility(string name, CallArgs args, Action<string> raise, Func<PythonValue, PythonValue, PythonValue> call) =>
        PythonOperations.MapPossible(args.Positional[0], v =>
        {
            var single = CallArgs.Of(args.CalleeText, args.Span, args.Module, [v, .. args.Positional.Skip(1)]);
            foreach (var (key, value) in args.Keywords) single.AddKeyword(key, value, null);
            return Call(name, single, raise, call) ?? new PythonUnknown($"result of call to {name}()");
        });

    private static PythonValue? ToInt(PythonValue? value, CallArgs args, Action<string> raise)
    {
        if (value is null) return new PythonInt(0);
        if (args.Positional.Count > 1 || args.Keywords.ContainsKey("base"))
            return new PythonUnknown("int() with a base");
        switch (value)
        {
            case PythonInt or PythonBool:
                return new PythonInt(PythonOperations.ToInteger(value));
            case PythonFloat f:
                if (double.IsNaN(f.Value) || double.IsInfinity(f.Value)) break;
                return new PythonInt(new BigInteger(Math.Truncate(f.Value)));
            case PythonString s:
                if (PythonOperations.ParseInt(s.Value) is { } parsed) return new PythonInt(parsed);
                break;
            default:
                return null;
        }

        raise("ValueError");
        return new PythonUnknown($"invalid literal for int(): {value}");
    }

    private static PythonValue? ToFloat(PythonValue? value, Action<string> raise)
    {
        if (value is null) return new PythonFloat(0);
        if (PythonOperations.IsNumber(value)) return new PythonFloat(PythonOperations.ToDouble(value));
        if (value is not PythonString s) return null;
        if (PythonOperations.ParseFloat(s.Value) is { } parsed) return new PythonFloat(parsed);
        raise("ValueError");
        return new PythonUnknown($"could not convert string to float: {value}");
    }

    private static int? Length(PythonValue value) => value switch
    {
        PythonString s => s.Value.Length,
        PythonBytes b => b.Value.Length,
        PythonList l => l.Items.Count,
        PythonTuple t => t.Items.Count,
        PythonSet s => s.Items.Count,
        PythonDict d => d.Entries.Count,
        _ => null,
    };

    private static List<PythonValue> DistinctItems(IEnumerable<PythonValue> items)
    {
        var result = new List<PythonValue>();
        foreach (var item in items)
        {
            if (!result.Any(existing => PythonOperations.AreEqual(existing, item) == true)) result.Add(item);
        }

        return result;
    }

    private static PythonValue? MakeDict(CallArgs args)
    {
        var entries = new List<KeyValuePair<PythonValue, PythonValue>>();
        if (args.Positional.Count > 0)
        {
            var pairs = DictEntries(args.Positional[0]);
            if (pairs is null) return PythonOperations.FirstUnknown(args.Positional[0]) ?? new PythonUnknown("dict() of an unknown value");
            foreach (var (key, value) in pairs) PythonOperations.SetEntry(entries, key, value);
        }

        foreach (var (key, value) in args.Keywords) PythonOperations.SetEntry(entries, new PythonString(key), value);
        return new PythonDict(entries);
    }

    /// <summary>The key/value pairs of a dict or of a sequence of pairs; null when not known.</summary>
    public static IReadOnlyList<KeyValuePair<PythonValue, PythonValue>>? DictEntries(PythonValue value)
    {
        if (value is PythonDict dict) return dict.Entries;
        var items = value is PythonString ? null : PythonOperations.Iterate(value);
        if (items is null) return null;
        var entries = new List<KeyValuePair<PythonValue, PythonValue>>();
        foreach (var item in items)
        {
            var pair = PythonOperations.Iterate(item);
            if (pair is null || pair.Count != 2 || !pair[0].IsKnown) return null;
            PythonOperations.SetEntry(entries, pair[0], pair[1]);
        }

        return entries;
    }

    /// <summary>Sorts numbers or strings; null when the items cannot be compared.</summary>
    public static List<PythonValue>? Sorted(List<PythonValue> items)
    {
        if (items.All(PythonOperations.IsNumber))
            return items.OrderBy(PythonOperations.ToDouble).ToList();
        if (items.All(item => item is PythonString))
            return items.OrderBy(item => ((PythonString)item).Value, StringComparer.Ordinal).ToList();
        return null;
    }

    private static PythonValue? MinMax(string name, CallArgs args)
    {
        if (args.Keywords.Count > 0) return null;
        var items = args.Positional.Count == 1 ? PythonOperations.Iterate(args.Positional[0]) : args.Positional;
        if (items is null || items.Count == 0) return null;
        var sorted = Sorted(items.ToList());
        return sorted is null ? null : name == "min" ? sorted[0] : sorted[^1];
    }

    private static PythonValue? AnyAll(string name, PythonValue iterable)
    {
        var items = PythonOperations.Iterate(iterable);
        if (items is null) return null;
        bool undecided = false;
        foreach (var item in items)
        {
            var truth = PythonOperations.Truthiness(item);
            if (truth is null) undecided = true;
            else if (name == "any" && truth.Value) return PythonOperations.True;
            else if (name == "all" && !truth.Value) return PythonOperations.False;
        }

        return undecided ? new PythonUnknown($"{name}() of values whose truth is not known") : PythonOperations.Bool(name == "all");
    }

    private static PythonValue? MakeRange(CallArgs args)
    {
        if (args.Positional.Count is 0 or > 3 || args.Positional.Any(v => v is not (PythonInt or PythonBool))) return null;
        var numbers = args.Positional.Select(PythonOperations.ToInteger).ToList();
        BigInteger start = numbers.Count == 1 ? 0 : numbers[0];
        BigInteger stop = numbers.Count == 1 ? numbers[0] : numbers[1];
        BigInteger step = numbers.Count == 3 ? numbers[2] : 1;
        if (step.IsZero) return new PythonUnknown("range() step must not be zero");
        var items = new List<PythonValue>();
        for (var i = start; step > 0 ? i < stop : i > stop; i += step)
        {
            if (items.Count >= 10_000) return new PythonUnknown("range too large");
            items.Add(new PythonInt(i));
        }

        return new PythonList(items);
    }

    /// <summary><c>os.path.join</c> of known strings (an absolute part restarts the path); unknown otherwise.</summary>
    public static PythonValue PathJoin(CallArgs args)
    {
        if (args.Positional.Count == 0) return new PythonUnknown("os.path.join() without arguments");
        var unknown = args.Positional.FirstOrDefault(p => p is not PythonString);
        if (unknown is not null)
            return unknown as PythonUnknown ?? new PythonUnknown($"filesystem path from {args.CalleeText}()");
        string path = "";
        foreach (var part in args.Positional.Cast<PythonString>().Select(p => p.Value))
        {
            if (part.StartsWith('/')) path = part;
            else if (path.Length == 0 || path.EndsWith('/')) path += part;
            else path += "/" + part;
        }

        return new PythonString(path);
    }

    public static PythonValue Slice(PythonValue target, PythonValue? lower, PythonValue? upper, PythonValue? step)
    {
        foreach (var part in new[] { target, lower, upper, step })
        {
            if (part is not null && PythonOperations.FirstUnknown(part) is { } unknown) return unknown;
        }

        var items = target is PythonString or PythonList or PythonTuple ? PythonOperations.Iterate(target) : null;
        if (items is null) return new PythonUnknown($"'{target.TypeName}' object cannot be sliced");
        int? Bound(PythonValue? value) => value is null or PythonNone ? null
            : value is PythonInt or PythonBool ? (int)BigInteger.Clamp(PythonOperations.ToInteger(value), -int.MaxValue, int.MaxValue) : int.MinValue;
        int? start = Bound(lower), stop = Bound(upper), stride = Bound(step);
        if (start == int.MinValue || stop == int.MinValue || stride == int.MinValue || stride == 0)
            return new PythonUnknown("slice with bad indices");

        int count = items.Count;
        int by = stride ?? 1;
        int Clamp(int? index, int fallback)
        {
            if (index is null) return fallback;
            int i = index.Value < 0 ? index.Value + count : index.Value;
            return by > 0 ? Math.Clamp(i, 0, count) : Math.Clamp(i, -1, count - 1);
        }

        int from = Clamp(start, by > 0 ? 0 : count - 1);
        int to = Clamp(stop, by > 0 ? count : -1);
        var picked = new List<PythonValue>();
        for (int i = from; by > 0 ? i < to : i > to; i += by) picked.Add(items[i]);

        PythonValue result = target switch
        {
            PythonString => new PythonString(string.Concat(picked.Select(p => ((PythonString)p).Value))),
            PythonTuple => new PythonTuple(picked),
            _ => new PythonList(picked),
        };
        return PythonOperations.WithOrigin(result, target.Origin);
    }

    // ------------------------------------------------------------ methods

    /// <summary>A non-mutating method call on a known value; null when not modelled.</summary>
    public static PythonValue? CallMethod(PythonValue receiver, string name, CallArgs args, Action<string> raise)
    {
        if (receiver is PythonPossibleValues) return CallMethodOnEachPossibility(receiver, name, args, raise);
        if (receiver is PythonUnknown) return receiver;
        if (name != "get" && FirstUncertainArgument(args) is { } unknownArgument)
            return PythonOperations.FirstUnknown(unknownArgument);

        PythonValue? result = receiver switch
        {
            PythonString s => StringMethod(s.Value, name, args, raise),
            PythonList l => SequenceMethod(l.Items, name, args),
            PythonTuple t => SequenceMethod(t.Items, name, args),
            PythonDict d => DictMethod(d, name, args),
            _ => null,
        };
        return result is null ? null : PythonOperations.WithOrigin(result, receiver.Origin ?? FirstArgumentOrigin(args));
    }

    private static PythonValue? CallMethodOnEachPossibility(PythonValue receiver, string name, CallArgs args, Action<string> raise) =>
        PythonOperations.MapPossible(receiver, r => CallMethod(r, name, args, raise) ?? new PythonUnknown($"result of call to {args.CalleeText}()"));

    private static PythonValue? FirstUncertainArgument(CallArgs args)
    {
        foreach (var value in args.Positional)
        {
            if (value is PythonUnknown or PythonPossibleValues) return value;
        }

        foreach (var value in args.Keywords.Values)
        {
            if (value is PythonUnknown or PythonPossibleValues) return value;
        }

        return null;
    }

    private static EnvironmentOrigin? FirstArgumentOrigin(CallArgs args)
    {
        foreach (var value in args.Positional)
        {
            if (value.Origin is not null) return value.Origin;
        }

        foreach (var value in args.Keywords.Values)
        {
            if (value.Origin is not null) return value.Origin;
        }

        return null;
    }

    private static PythonValue? StringMethod(string text, string name, CallArgs args, Action<string> raise)
    {
        string? Arg(int index, string keyword) => args.Get(index, keyword) is PythonString s ? s.Value : null;
        bool HasNonString(int index, string keyword) => args.Get(index, keyword) is { } v && v is not (PythonString or PythonNone);

        switch (name)
        {
            case "lower": return new PythonString(text.ToLowerInvariant());
            case "upper": return new PythonString(text.ToUpperInvariant());
            case "casefold": return new PythonString(text.ToLowerInvariant());
            case "title": return new PythonString(Title(text));
            case "capitalize": return new PythonString(text.Length == 0 ? "" : char.ToUpperInvariant(text[0]) + text[1..].ToLowerInvariant());
            case "swapcase": return new PythonString(new string(text.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray()));
            case "strip" or "lstrip" or "rstrip":
            {
                if (HasNonString(0, "chars")) return null;
                var chars = Arg(0, "chars");
                return new PythonString(Strip(text, name, chars));
            }

            case "split" or "rsplit":
            {
                if (HasNonString(0, "sep")) return null;
                var separator = Arg(0, "sep");
                int maxSplit = args.Get(1, "maxsplit") is PythonInt m ? (int)BigInteger.Clamp(m.Value, -1, int.MaxValue) : -1;
                if (separator is { Length: 0 })
                {
                    raise("ValueError");
                    return new PythonUnknown("empty separator");
                }

                return new PythonList(Split(text, separator, maxSplit, name == "rsplit").Select(p => (PythonValue)new PythonString(p)).ToList());
            }

            case "splitlines":
                return new PythonList(text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')
                    .SkipLastIf(text.EndsWith('\n') || text.EndsWith('\r') || text.Length == 0).Select(p => (PythonValue)new PythonString(p)).ToList());
            case "replace":
            {
                var old = Arg(0, "old");
                var replacement = Arg(1, "new");
                if (old is null || replacement is null || args.Positional.Count > 2) return null;
                if (old.Length == 0) return null;
                long size = text.Length + (long)(replacement.Length) * text.Length;
                if (size > PythonOperations.MaxResultSize) return new PythonUnknown("result too large to compute");
                return new PythonString(text.Replace(old, replacement, StringComparison.Ordinal));
            }

            case "startswith" or "endswith":
            {
                var arg = args.Get(0, "prefix") ?? args.Get(0, "suffix");
                var options = arg is PythonString single ? [single.Value]
                    : arg is PythonTuple tuple && tuple.Items.All(i => i is PythonString) ? tuple.Items.Select(i => ((PythonString)i).Value).ToList()
                    : null;
                if (options is null || args.Positional.Count > 1) return null;
                return PythonOperations.Bool(options.Any(o => name == "startswith" ? text.StartsWith(o, StringComparison.Ordinal) : text.EndsWith(o, StringComparison.Ordinal)));
            }

            case "removeprefix":
                return Arg(0, "prefix") is { } prefix ? new PythonString(text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text) : null;
            case "removesuffix":
                return Arg(0, "suffix") is { } suffix ? new PythonString(suffix.Length > 0 && text.EndsWith(suffix, StringComparison.Ordinal) ? text[..^suffix.Length] : text) : null;
            case "join":
            {
                var items = args.Positional.Count == 1 ? PythonOperations.Iterate(args.Positional[0]) : null;
                if (items is null) return args.Positional.Count == 1 ? PythonOperations.FirstUnknown(args.Positional[0]) : null;
                if (items.FirstOrDefault(i => i is not PythonString) is { } bad) return PythonOperations.FirstUnknown(bad) ?? new PythonUnknown("join() of non-strings");
                var joined = string.Join(text, items.Select(i => ((PythonString)i).Value));
                return joined.Length > PythonOperations.MaxResultSize ? new PythonUnknown("result too large to compute") : new PythonString(joined);
            }

            case "format":
                return PythonFormatting.StrFormat(text, args.Positional, args.Keywords);
            case "find" or "index" or "count":
            {
                var sub = Arg(0, "sub");
                if (sub is null || args.Positional.Count > 1) return null;
                if (name == "count") return new PythonInt(sub.Length == 0 ? text.Length + 1 : CountOccurrences(text, sub));
                int found = text.IndexOf(sub, StringComparison.Ordinal);
                if (found < 0 && name == "index")
                {
                    raise("ValueError");
                    return new PythonUnknown("substring not found");
                }

                return new PythonInt(found);
            }

            case "isdigit" or "isdecimal" or "isnumeric": return PythonOperations.Bool(text.Length > 0 && text.All(char.IsDigit));
            case "isalpha": return PythonOperations.Bool(text.Length > 0 && text.All(char.IsLetter));
            case "isalnum": return PythonOperations.Bool(text.Length > 0 && text.All(char.IsLetterOrDigit));
            case "isspace": return PythonOperations.Bool(text.Length > 0 && text.All(char.IsWhiteSpace));
            case "islower": return PythonOperations.Bool(text.Any(char.IsLetter) && !text.Any(char.IsUpper));
            case "isupper": return PythonOperations.Bool(text.Any(char.IsLetter) && !text.Any(char.IsLower));
            case "encode":
                return new PythonBytes(string.Concat(Encoding.UTF8.GetBytes(text).Select(b => (char)b)));
            case "zfill" when args.Get(0, "width") is PythonInt width && width.Value < 10_000:
                return new PythonString(text.PadLeft((int)width.Value, '0'));
            default:
                return null;
        }
    }

    private static IEnumerable<T> SkipLastIf<T>(this IEnumerable<T> items, bool skip) => skip ? items.SkipLast(1) : items;

    private static int CountOccurrences(string text, string sub)
    {
        int count = 0;
        for (int i = text.IndexOf(sub, StringComparison.Ordinal); i >= 0; i = text.IndexOf(sub, i + sub.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static string Title(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool previousIsLetter = false;
        foreach (char c in text)
        {
            builder.Append(previousIsLetter ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
            previousIsLetter = char.IsLetter(c);
        }

        return builder.ToString();
    }

    private static string Strip(string text, string method, string? chars)
    {
        bool Strippable(char c) => chars is null ? char.IsWhiteSpace(c) : chars.Contains(c);
        int start = 0, end = text.Length;
        if (method != "rstrip") while (start < end && Strippable(text[start])) start++;
        if (method != "lstrip") while (end > start && Strippable(text[end - 1])) end--;
        return text[start..end];
    }

    /// <summary>Python's str.split / str.rsplit, including the whitespace form without a separator.</summary>
    public static List<string> Split(string text, string? separator, int maxSplit, bool fromRight)
    {
        var parts = new List<string>();
        if (separator is null)
        {
            // Runs of whitespace separate; leading and trailing whitespace produce no empty parts.
            var words = new List<(int Start, int End)>();
            int i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                if (i >= text.Length) break;
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
                words.Add((start, i));
            }

            if (maxSplit < 0 || words.Count <= maxSplit + 1) return words.Select(w => text[w.Start..w.End]).ToList();
            if (!fromRight)
            {
                parts.AddRange(words.Take(maxSplit).Select(w => text[w.Start..w.End]));
                parts.Add(text[words[maxSplit].Start..].TrimEnd());
            }
            else
            {
                int keep = words.Count - maxSplit;
                parts.Add(text[..words[keep - 1].End].TrimStart());
                parts.AddRange(words.Skip(keep).Select(w => text[w.Start..w.End]));
            }

            return parts;
        }

        var all = text.Split(separator, StringSplitOptions.None);
        if (maxSplit < 0 || all.Length <= maxSplit + 1) return all.ToList();
        if (!fromRight)
        {
            parts.AddRange(all.Take(maxSplit));
            parts.Add(string.Join(separator, all.Skip(maxSplit)));
        }
        else
        {
            int keep = all.Length - maxSplit;
            parts.Add(string.Join(separator, all.Take(keep)));
            parts.AddRange(all.Skip(keep));
        }

        return parts;
    }

    private static PythonValue? SequenceMethod(IReadOnlyList<PythonValue> items, string name, CallArgs args)
    {
        switch (name)
        {
            case "copy": return new PythonList(items.ToList());
            case "count" when args.Positional.Count == 1:
            {
                int count = 0;
                foreach (var item in items)
                {
                    var equal = PythonOperations.AreEqual(item, args.Positional[0]);
                    if (equal is null) return new PythonUnknown("count() of values that could not be compared");
                    if (equal.Value) count++;
                }

                return new PythonInt(count);
            }

            case "index" when args.Positional.Count == 1:
                for (int i = 0; i < items.Count; i++)
                {
                    var equal = PythonOperations.AreEqual(items[i], args.Positional[0]);
                    if (equal is null) return new PythonUnknown("index() of values that could not be compared");
                    if (equal.Value) return new PythonInt(i);
                }

                return new PythonUnknown("value is not in the list");
            default:
                return null;
        }
    }

    private static PythonValue? DictMethod(PythonDict dict, string name, CallArgs args)
    {
        switch (name)
        {
            case "get" when args.Get(0, "key") is { } key:
                if (!key.IsKnown) return PythonOperations.FirstUnknown(key);
                return dict.Get(key) ?? (dict.Entries.Any(e => !e.Key.IsKnown)
                    ? new PythonUnknown($"key {key} may be among the unknown keys")
                    : args.Get(1, "default") ?? PythonOperations.None);
            case "keys": return new PythonList(dict.Entries.Select(e => e.Key).ToList());
            case "values": return new PythonList(dict.Entries.Select(e => e.Value).ToList());
            case "items": return new PythonList(dict.Entries.Select(e => (PythonValue)new PythonTuple([e.Key, e.Value])).ToList());
            case "copy": return new PythonDict(dict.Entries.ToList());
            default: return null;
        }
    }
}
