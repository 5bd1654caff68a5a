using System.Globalization;
using System.Numerics;
using System.Text;

namespace SecurityGate.Sources.Python;

/// <summary>
/// Python semantics of operators on evaluator values. Unknown operands give unknown results (the first unknown
/// operand is returned so its reason survives); possible values are mapped option by option.
/// </summary>
internal static class PythonOperations
{
    /// <summary>Results larger than this (characters or items) become unknown instead of being built.</summary>
    public const int MaxResultSize = 1_000_000;

    public static readonly PythonNone None = new();
    public static readonly PythonBool True = new(true);
    public static readonly PythonBool False = new(false);

    public static PythonBool Bool(bool value) => value ? True : False;

    public static PythonValue WithOrigin(PythonValue value, EnvironmentOrigin? origin) =>
        origin is null || value.Origin is not null ? value : value with { Origin = origin };

    /// <summary>The first unknown-ish operand as an unknown value, or null when all are plain data.</summary>
    public static PythonValue? FirstUnknown(PythonValue a, PythonValue? b = null)
    {
        foreach (var value in b is null ? [a] : new[] { a, b })
        {
            if (value is PythonUnknown) return value;
            if (value is PythonObject obj) return new PythonUnknown($"value of {obj.Description}") { Origin = value.Origin };
            if (value is PythonPossibleValues) return new PythonUnknown("value with several possibilities") { Origin = value.Origin };
        }

        return null;
    }

    /// <summary>Maps a unary function over possible values; null when <paramref name="value"/> has none.</summary>
    public static PythonValue? MapPossible(PythonValue value, Func<PythonValue, PythonValue> map)
    {
        if (value is not PythonPossibleValues possible) return null;
        return new PythonPossibleValues(possible.Options.Select(o => o with { Value = map(o.Value) }).ToList()) { Origin = value.Origin };
    }

    public static PythonValue? MapPossible(PythonValue a, PythonValue b, Func<PythonValue, PythonValue, PythonValue> map)
    {
        if (a is PythonPossibleValues && b is PythonPossibleValues)
            return new PythonUnknown("combination of two values that each have several possibilities");
        return MapPossible(a, x => map(x, b)) ?? MapPossible(b, y => map(a, y));
    }

    // ------------------------------------------------------------ truth and equality

    public static bool? Truthiness(PythonValue value) => value switch
    {
        PythonBool b => b.Value,
        PythonNone => false,
        PythonInt i => !i.Value.IsZero,
        PythonFloat f => f.Value != 0,
        PythonString s => s.Value.Length > 0,
        PythonBytes s => s.Value.Length > 0,
        PythonList l => l.Items.Count > 0,
        PythonTuple t => t.Items.Count > 0,
        PythonSet s => s.Items.Count > 0,
        PythonDict d => d.Entries.Count > 0,
        PythonPossibleValues p => AllSame(p.Options.Select(o => Truthiness(o.Value))),
        ExternalObject => null, // a library attribute such as sys.argv: its value is not known
        PythonObject => true, // modules, functions and readers are truthy objects
        _ => null,
    };

    private static bool? AllSame(IEnumerable<bool?> values)
    {
        bool? first = null;
        bool any = false;
        foreach (var value in values)
        {
            if (value is null) return null;
            if (!any) { first = value; any = true; }
            else if (first != value) return null;
        }

        return first;
    }

    /// <summary>Python == on known values; null when it cannot be decided.</summary>
    public static bool? AreEqual(PythonValue a, PythonValue b)
    {
        if (a is PythonPossibleValues pa) return AllSame(pa.Options.Select(o => AreEqual(o.Value, b)));
        if (b is PythonPossibleValues pb) return AllSame(pb.Options.Select(o => AreEqual(a, o.Value)));
        if (a is PythonUnknown || b is PythonUnknown || a is PythonObject || b is PythonObject) return null;
        if (IsNumber(a) && IsNumber(b))
        {
            if (a is PythonFloat || b is PythonFloat) return ToDouble(a) == ToDouble(b);
            return ToInteger(a) == ToInteger(b);
        }

        return (a, b) switch
        {
            (PythonString x, PythonString y) => x.Value == y.Value,
            (PythonBytes x, PythonBytes y) => x.Value == y.Value,
            (PythonNone, PythonNone) => true,
            (PythonList x, PythonList y) => SequenceEqual(x.Items, y.Items),
            (PythonTuple x, PythonTuple y) => SequenceEqual(x.Items, y.Items),
            (PythonSet x, PythonSet y) => x.Items.Count == y.Items.Count ? AllContained(x.Items, y.Items) : false,
            (PythonDict x, PythonDict y) => DictEqual(x, y),
            _ => false,
        };
    }

    private static bool? SequenceEqual(IReadOnlyList<PythonValue> x, IReadOnlyList<PythonValue> y)
    {
        if (x.Count != y.Count) return false;
        bool unknown = false;
        for (int i = 0; i < x.Count; i++)
        {
            var equal = AreEqual(x[i], y[i]);
            if (equal == false) return false;
            if (equal is null) unknown = true;
        }

        return unknown ? null : true;
    }

    private static bool? AllContained(IReadOnlyList<PythonValue> items, IReadOnlyList<PythonValue> container)
    {
        bool unknown = false;
        foreach (var item in items)
        {
            var found = Contains(container, item);
            if (found == false) return false;
            if (found is null) unknown = true;
        }

        return unknown ? null : true;
    }

    private static bool? DictEqual(PythonDict x, PythonDict y)
    {
        if (x.Entries.Count != y.Entries.Count) return false;
        bool unknown = false;
        foreach (var (key, value) in x.Entries)
        {
            var other = y.Get(key);
            if (other is null) return false;
            var equal = AreEqual(value, other);
            if (equal == false) return false;
            if (equal is null) unknown = true;
        }

        return unknown ? null : true;
    }

    private static bool? Contains(IReadOnlyList<PythonValue> items, PythonValue item)
    {
        bool unknown = false;
        foreach (var candidate in items)
        {
            var equal = AreEqual(candidate, item);
            if (equal == true) return true;
            if (equal is null) unknown = true;
        }

        return unknown ? null : false;
    }

    /// <summary><c>item in container</c>; null when undecidable.</summary>
    public static bool? In(PythonValue item, PythonValue container) => container switch
    {
        PythonString s when item is PythonString sub => s.Value.Contains(sub.Value, StringComparison.Ordinal),
        PythonString when item.IsKnown => null,
        PythonList l => Contains(l.Items, item),
        PythonTuple t => Contains(t.Items, item),
        PythonSet s => Contains(s.Items, item),
        PythonDict d => Contains(d.Entries.Select(e => e.Key).ToList(), item),
        _ => null,
    };

    // ------------------------------------------------------------ numbers

    public static bool IsNumber(PythonValue value) => value is PythonInt or PythonFloat or PythonBool;

    public static BigInteger ToInteger(PythonValue value) => value switch
    {
        PythonInt i => i.Value,
        PythonBool b => b.Value ? BigInteger.One : BigInteger.Zero,
        PythonFloat f => new BigInteger(Math.Truncate(f.Value)),
        _ => BigInteger.Zero,
    };

    public static double ToDouble(PythonValue value) => value switch
    {
        PythonInt i => (double)i.Value,
        PythonBool b => b.Value ? 1 : 0,
        PythonFloat f => f.Value,
        _ => double.NaN,
    };

    // ------------------------------------------------------------ operators

    public static PythonValue Unary(string op, PythonValue operand)
    {
        if (MapPossible(operand, v => Unary(op, v)) is { } mapped) return mapped;
        PythonValue result;
        if (op == "not")
        {
            var truth = Truthiness(operand);
            result = truth is null ? FirstUnknown(operand) ?? new PythonUnknown("truth value not known") : Bool(!truth.Value);
            return WithOrigin(result, operand.Origin);
        }

        if (FirstUnknown(operand) is { } unknown) return unknown;
        result = (op, operand) switch
        {
            ("-", PythonFloat f) => new PythonFloat(-f.Value),
            ("-", _) when IsNumber(operand) => new PythonInt(-ToInteger(operand)),
            ("+", PythonFloat f) => f,
            ("+", _) when IsNumber(operand) => new PythonInt(ToInteger(operand)),
            ("~", PythonInt or PythonBool) => new PythonInt(-ToInteger(operand) - 1),
            _ => new PythonUnknown($"bad operand type for unary {op}: '{operand.TypeName}'"),
        };
        return WithOrigin(result, operand.Origin);
    }

    public static PythonValue Binary(string op, PythonValue left, PythonValue right)
    {
        if (MapPossible(left, right, (a, b) => Binary(op, a, b)) is { } mapped) return mapped;
        if (FirstUnknown(left, right) is { } unknown) return unknown;
        var result = BinaryKnown(op, left, right);
        return WithOrigin(result, left.Origin ?? right.Origin);
    }

    private static PythonValue BinaryKnown(string op, PythonValue left, PythonValue right)
    {
        if (IsNumber(left) && IsNumber(right)) return Arithmetic(op, left, right);

        switch (op, left, right)
        {
            case ("+", PythonString a, PythonString b):
                return Sized(a.Value.Length + b.Value.Length) ? new PythonString(a.Value + b.Value) : TooLarge();
            case ("+", PythonList a, PythonList b):
                return new PythonList(a.Items.Concat(b.Items).ToList());
            case ("+", PythonTuple a, PythonTuple b):
                return new PythonTuple(a.Items.Concat(b.Items).ToList());
            case ("*", PythonString or PythonList or PythonTuple, PythonInt or PythonBool):
                return Repeat(left, ToInteger(right));
            case ("*", PythonInt or PythonBool, PythonString or PythonList or PythonTuple):
                return Repeat(right, ToInteger(left));
            case ("%", PythonString format, _):
                return PythonFormatting.PercentFormat(format.Value, right);
            case ("|", PythonDict a, PythonDict b):
                return MergeDicts(a, b);
            case ("|", PythonSet a, PythonSet b):
                return SetUnion(a, b);
            case ("-", PythonSet a, PythonSet b):
                return new PythonSet(a.Items.Where(item => Contains(b.Items, item) != true).ToList());
            case ("&", PythonSet a, PythonSet b):
                return new PythonSet(a.Items.Where(item => Contains(b.Items, item) == true).ToList());
        }

        return new PythonUnknown($"unsupported operand types for {op}: '{left.TypeName}' and '{right.TypeName}'");
    }

    public static PythonDict MergeDicts(PythonDict a, PythonDict b)
    {
        var entries = a.Entries.ToList();
        foreach (var entry in b.Entries) SetEntry(entries, entry.Key, entry.Value);
        return new PythonDict(entries);
    }

    public static PythonSet SetUnion(PythonSet a, PythonSet b)
    {
        var items = a.Items.ToList();
        foreach (var item in b.Items)
        {
            if (Contains(items, item) != true) items.Add(item);
        }

        return new PythonSet(items);
    }

    /// <summary>Sets <paramref name="key"/> in an entry list, keeping the original position of an existing key.</summary>
    public static void SetEntry(List<KeyValuePair<PythonValue, PythonValue>> entries, PythonValue key, PythonValue value)
    {
        for (int i = 0; i < entries.Count; i++)
        {
            if (AreEqual(entries[i].Key, key) == true)
            {
                entries[i] = new(entries[i].Key, value);
                return;
            }
        }

        entries.Add(new(key, value));
    }

    private static bool Sized(long size) => size <= MaxResultSize;

    private static PythonUnknown TooLarge() => new("result too large to compute");

    private static PythonValue Repeat(PythonValue sequence, BigInteger count)
    {
        long times = count < 0 ? 0 : count > MaxResultSize ? MaxResultSize + 1 : (long)count;
        switch (sequence)
        {
            case PythonString s:
                if (!Sized(s.Value.Length * times)) return TooLarge();
                return new PythonString(new StringBuilder().Insert(0, s.Value, (int)times).ToString());
            case PythonList l:
                if (!Sized(l.Items.Count * times)) return TooLarge();
                return new PythonList(Enumerable.Range(0, (int)times).SelectMany(_ => l.Items).ToList());
            case PythonTuple t:
                if (!Sized(t.Items.Count * times)) return TooLarge();
                return new PythonTuple(Enumerable.Range(0, (int)times).SelectMany(_ => t.Items).ToList());
            default:
                return new PythonUnknown("cannot repeat value");
        }
    }

    private static PythonValue Arithmetic(string op, PythonValue left, PythonValue right)
    {
        bool isFloat = left is PythonFloat || right is PythonFloat;
        if (isFloat || op == "/")
        {
            double a = ToDouble(left), b = ToDouble(right);
            switch (op)
            {
                case "+": return new PythonFloat(a + b);
                case "-": return new PythonFloat(a - b);
                case "*": return new PythonFloat(a * b);
                case "/": return b == 0 ? ZeroDivision() : new PythonFloat(a / b);
                case "//": return b == 0 ? ZeroDivision() : new PythonFloat(Math.Floor(a / b));
                case "%": return b == 0 ? ZeroDivision() : new PythonFloat(a - b * Math.Floor(a / b));
                case "**": return new PythonFloat(Math.Pow(a, b));
            }

            return new PythonUnknown($"unsupported operand types for {op}: 'float'");
        }

        BigInteger x = ToInteger(left), y = ToInteger(right);
        switch (op)
        {
            case "+": return new PythonInt(x + y);
            case "-": return new PythonInt(x - y);
            case "*":
                return (long)(x.GetBitLength() + y.GetBitLength()) > 64_000 ? TooLarge() : new PythonInt(x * y);
            case "//": return y.IsZero ? ZeroDivision() : new PythonInt(FloorDivide(x, y));
            case "%": return y.IsZero ? ZeroDivision() : new PythonInt(x - y * FloorDivide(x, y));
            case "**":
                if (y < 0) return new PythonFloat(Math.Pow((double)x, (double)y));
                if (y > 10_000 || x.GetBitLength() * (long)y > 64_000) return TooLarge();
                return new PythonInt(BigInteger.Pow(x, (int)y));
            case "&": return new PythonInt(x & y);
            case "|": return left is PythonBool && right is PythonBool ? Bool(!x.IsZero || !y.IsZero) : new PythonInt(x | y);
            case "^": return new PythonInt(x ^ y);
            case "<<": return y < 0 || y > 64_000 ? TooLarge() : new PythonInt(x << (int)y);
            case ">>": return y < 0 ? new PythonUnknown("negative shift count") : new PythonInt(y > 64_000 ? (x.Sign < 0 ? -1 : 0) : x >> (int)y);
        }

        return new PythonUnknown($"unsupported operator {op}");
    }

    private static BigInteger FloorDivide(BigInteger x, BigInteger y)
    {
        var quotient = BigInteger.DivRem(x, y, out var remainder);
        if (!remainder.IsZero && (remainder.Sign < 0) != (y.Sign < 0)) quotient -= 1;
        return quotient;
    }

    private static PythonUnknown ZeroDivision() => new("division by zero");

    public static PythonValue Compare(string op, PythonValue left, PythonValue right)
    {
        if (MapPossible(left, right, (a, b) => Compare(op, a, b)) is { } mapped) return mapped;
        var origin = left.Origin ?? right.Origin;
        bool? result = op switch
        {
            "==" => AreEqual(left, right),
            "!=" => Not(AreEqual(left, right)),
            "in" => In(left, right),
            "not in" => Not(In(left, right)),
            "is" => Identical(left, right),
            "is not" => Not(Identical(left, right)),
            _ => Order(op, left, right),
        };
        if (result is null)
            return FirstUnknown(left, right) ?? WithOrigin(new PythonUnknown($"cannot compare '{left.TypeName}' {op} '{right.TypeName}'"), origin);
        return WithOrigin(Bool(result.Value), origin);
    }

    private static bool? Not(bool? value) => value is null ? null : !value.Value;

    private static bool? Identical(PythonValue a, PythonValue b)
    {
        if (a is PythonNone || b is PythonNone || a is PythonBool || b is PythonBool)
        {
            if (!a.IsKnown || !b.IsKnown) return null;
            return (a, b) switch
            {
                (PythonNone, PythonNone) => true,
                (PythonBool x, PythonBool y) => x.Value == y.Value,
                _ => false,
            };
        }

        return null;
    }

    private static bool? Order(string op, PythonValue a, PythonValue b)
    {
        int comparison;
        if (IsNumber(a) && IsNumber(b))
        {
            comparison = a is PythonFloat || b is PythonFloat
                ? ToDouble(a).CompareTo(ToDouble(b))
                : ToInteger(a).CompareTo(ToInteger(b));
        }
        else if (a is PythonString x && b is PythonString y)
        {
            comparison = string.CompareOrdinal(x.Value, y.Value);
        }
        else
        {
            return null;
        }

        return op switch
        {
            "<" => comparison < 0,
            "<=" => comparison <= 0,
            ">" => comparison > 0,
            ">=" => comparison >= 0,
            _ => null,
        };
    }

    // ------------------------------------------------------------ conversions

    /// <summary>Python str(value); null when the value is not known.</summary>
    public static string? ToStr(PythonValue value) => value switch
    {
        PythonString s => s.Value,
        PythonBytes or PythonInt or PythonFloat or PythonBool or PythonNone => value.ToString(),
        PythonList or PythonTuple or PythonSet or PythonDict => ContainsUnknown(value) ? null : value.ToString(),
        _ => null,
    };

    /// <summary>Python repr(value); null when the value is not known.</summary>
    public static string? Repr(PythonValue value) =>
        value.IsKnown && !ContainsUnknown(value) ? value.ToString() : null;

    private static bool ContainsUnknown(PythonValue value) => value switch
    {
        PythonList l => l.Items.Any(i => !i.IsKnown || ContainsUnknown(i)),
        PythonTuple t => t.Items.Any(i => !i.IsKnown || ContainsUnknown(i)),
        PythonSet s => s.Items.Any(i => !i.IsKnown || ContainsUnknown(i)),
        PythonDict d => d.Entries.Any(e => !e.Key.IsKnown || !e.Value.IsKnown || ContainsUnknown(e.Key) || ContainsUnknown(e.Value)),
        _ => !value.IsKnown,
    };

    /// <summary>The items iterating over <paramref name="value"/> yields, or null when they are not known.</summary>
    public static IReadOnlyList<PythonValue>? Iterate(PythonValue value) => value switch
    {
        PythonList l => l.Items,
        PythonTuple t => t.Items,
        PythonSet s => s.Items,
        PythonDict d => d.Entries.Select(e => e.Key).ToList(),
        PythonString s when s.Value.Length <= MaxResultSize => s.Value.Select(c => (PythonValue)new PythonString(c.ToString())).ToList(),
        _ => null,
    };

    /// <summary>Python's int(str): surrounding whitespace, a sign and underscores between digits are accepted.</summary>
    public static BigInteger? ParseInt(string text)
    {
        var span = text.AsSpan().Trim();
        if (span.IsEmpty) return null;
        bool negative = false;
        if (span[0] is '+' or '-')
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span.IsEmpty || span[0] == '_' || span[^1] == '_' || span.Contains("__", StringComparison.Ordinal)) return null;
        var digits = span.ToString().Replace("_", "");
        foreach (char c in digits)
        {
            if (c < '0' || c > '9') return null;
        }

        if (digits.Length > 4300) return null; // CPython's default limit on int() digits
        var value = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }

    /// <summary>Python's float(str), including inf/nan spellings.</summary>
    public static double? ParseFloat(string text)
    {
        string trimmed = text.Trim().Replace("_", "");
        string lower = trimmed.ToLowerInvariant().TrimStart('+');
        if (lower is "inf" or "infinity") return double.PositiveInfinity;
        if (lower is "-inf" or "-infinity") return double.NegativeInfinity;
        if (lower is "nan" or "-nan") return double.NaN;
        if (trimmed.Length == 0 || trimmed.Any(c => char.IsLetter(c) && c != 'e' && c != 'E')) return null;
        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;
    }
}
