using System.Globalization;
using System.Text;

namespace SecurityGate.Sources.Python;

/// <summary>String formatting the evaluator understands: <c>%</c>, <c>str.format</c> and f-string fields without format specs.</summary>
internal static class PythonFormatting
{
    /// <summary>Renders a value as an f-string field / format field would; unknown for anything it cannot render exactly.</summary>
    public static PythonValue FormatField(PythonValue value, char? conversion, string spec)
    {
        if (PythonOperations.FirstUnknown(value) is { } unknown) return unknown;
        string? text = conversion is 'r' or 'a' ? PythonOperations.Repr(value) : PythonOperations.ToStr(value);
        if (text is null) return new PythonUnknown("value could not be rendered as text");
        if (spec.Length == 0) return new PythonString(text);
        if (conversion is null && value is PythonInt or PythonFloat or PythonBool && IsSimpleFloatSpec(spec, out int precision))
            return new PythonString(PythonOperations.ToDouble(value).ToString("F" + precision, CultureInfo.InvariantCulture));
        return new PythonUnknown($"format spec '{spec}' is not supported");
    }

    private static bool IsSimpleFloatSpec(string spec, out int precision)
    {
        precision = 0;
        return spec.Length >= 3 && spec[0] == '.' && spec[^1] == 'f' &&
               int.TryParse(spec.AsSpan(1, spec.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out precision) && precision <= 20;
    }

    /// <summary><c>format % args</c> for %s, %r, %d, %i, %f (with precision) and %(name)s.</summary>
    public static PythonValue PercentFormat(string format, PythonValue args)
    {
        IReadOnlyList<PythonValue> positional = args is PythonTuple tuple ? tuple.Items : [args];
        var mapping = args as PythonDict;
        var output = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c != '%')
            {
                output.Append(c);
                continue;
            }

            if (++i >= format.Length) return new PythonUnknown("incomplete format");
            if (format[i] == '%')
            {
                output.Append('%');
                continue;
            }

            PythonValue? value;
            if (format[i] == '(')
            {
                int close = format.IndexOf(')', i);
                if (close < 0 || mapping is null) return new PythonUnknown("format requires a mapping");
                value = mapping.Get(format[(i + 1)..close]);
                if (value is null) return new PythonUnknown($"key '{format[(i + 1)..close]}' missing from format mapping");
                i = close + 1;
            }
            else
            {
                if (next >= positional.Count) return new PythonUnknown("not enough arguments for format string");
                value = positional[next++];
            }

            int precision = -1;
            if (i < format.Length && format[i] == '.')
            {
                int start = ++i;
                while (i < format.Length && char.IsAsciiDigit(format[i])) i++;
                precision = start == i ? 0 : int.Parse(format.AsSpan(start, i - start), CultureInfo.InvariantCulture);
            }

            if (i >= format.Length) return new PythonUnknown("incomplete format");
            if (PythonOperations.FirstUnknown(value) is { } unknown) return unknown;
            string? text = format[i] switch
            {
                's' when precision < 0 => PythonOperations.ToStr(value),
                'r' when precision < 0 => PythonOperations.Repr(value),
                'd' or 'i' when precision < 0 && PythonOperations.IsNumber(value) => PythonOperations.ToInteger(value).ToString(CultureInfo.InvariantCulture),
                'f' when PythonOperations.IsNumber(value) => PythonOperations.ToDouble(value).ToString("F" + (precision < 0 ? 6 : Math.Min(precision, 20)), CultureInfo.InvariantCulture),
                _ => null,
            };
            if (text is null) return new PythonUnknown($"format '%{format[i]}' is not supported for '{value.TypeName}'");
            output.Append(text);
            if (output.Length > PythonOperations.MaxResultSize) return new PythonUnknown("result too large to compute");
        }

        if (mapping is null && next < positional.Count && args is PythonTuple)
            return new PythonUnknown("not all arguments converted during string formatting");
        return new PythonString(output.ToString());
    }

    /// <summary><c>format.format(*positional, **keywords)</c> for plain fields without attribute access or format specs.</summary>
    public static PythonValue StrFormat(string format, IReadOnlyList<PythonValue> positional, IReadOnlyDictionary<string, PythonValue> keywords)
    {
        var output = new StringBuilder();
        int automatic = 0;
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{') { output.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < format.Length && format[i + 1] == '}') { output.Append('}'); i++; continue; }
            if (c == '}') return new PythonUnknown("single '}' in format string");
            if (c != '{')
            {
                output.Append(c);
                continue;
            }

            int close = format.IndexOf('}', i);
            if (close < 0) return new PythonUnknown("unclosed '{' in format string");
            string field = format[(i + 1)..close];
            i = close;

            string spec = "";
            int colon = field.IndexOf(':');
            if (colon >= 0) { spec = field[(colon + 1)..]; field = field[..colon]; }
            char? conversion = null;
            int bang = field.IndexOf('!');
            if (bang >= 0)
            {
                if (bang + 2 != field.Length) return new PythonUnknown("invalid conversion in format string");
                conversion = field[bang + 1];
                field = field[..bang];
            }

            PythonValue? value;
            if (field.Length == 0) value = automatic < positional.Count ? positional[automatic++] : null;
            else if (int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out int index)) value = index < positional.Count ? positional[index] : null;
            else value = keywords.TryGetValue(field, out var named) ? named : null;
            if (value is null) return new PythonUnknown($"format field '{{{field}}}' has no value");

            var rendered = FormatField(value, conversion, spec);
            if (rendered is not PythonString text) return rendered;
            output.Append(text.Value);
            if (output.Length > PythonOperations.MaxResultSize) return new PythonUnknown("result too large to compute");
        }

        return new PythonString(output.ToString());
    }
}
