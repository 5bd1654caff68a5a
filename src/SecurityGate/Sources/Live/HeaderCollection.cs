using System.Collections;
using System.Collections.Immutable;

namespace SecurityGate.Sources.Live;

/// <summary>One header line as received: the name keeps its original spelling, the value is trimmed of OWS.</summary>
public sealed record HeaderField(string Name, string Value);

/// <summary>
/// The header lines of one response, in the order they were received, repeats kept.
/// Look-ups ignore the case of names. Immutable; the "with" helpers return new collections.
/// </summary>
public sealed class HeaderCollection : IReadOnlyList<HeaderField>, IEquatable<HeaderCollection>
{
    public static HeaderCollection Empty { get; } = new(ImmutableArray<HeaderField>.Empty);

    private readonly ImmutableArray<HeaderField> _fields;

    private HeaderCollection(ImmutableArray<HeaderField> fields) => _fields = fields;

    public static HeaderCollection From(IEnumerable<HeaderField> fields) => new([.. fields]);

    public static HeaderCollection From(params (string Name, string Value)[] fields) =>
        new([.. fields.Select(f => new HeaderField(f.Name, f.Value))]);

    public int Count => _fields.Length;

    public HeaderField this[int index] => _fields[index];

    /// <summary>Every value of <paramref name="name"/>, one per received line, in order.</summary>
    public ImmutableArray<string> GetAll(string name) =>
        [.. _fields.Where(f => IsName(f, name)).Select(f => f.Value)];

    /// <summary>The value of the first line named <paramref name="name"/>, or null.</summary>
    public string? GetFirst(string name) => _fields.FirstOrDefault(f => IsName(f, name))?.Value;

    public bool Contains(string name) => _fields.Any(f => IsName(f, name));

    /// <summary>A copy with one more line at the end.</summary>
    public HeaderCollection Add(string name, string value) => new(_fields.Add(new HeaderField(name, value)));

    /// <summary>A copy without any line named <paramref name="name"/>.</summary>
    public HeaderCollection Remove(string name) => new(_fields.RemoveAll(f => IsName(f, name)));

    /// <summary>
    /// A copy where <paramref name="name"/> has exactly the given values: they take the place of the first
    /// existing line of that name (or go to the end), every other line of that name is dropped.
    /// </summary>
    public HeaderCollection Set(string name, params string[] values)
    {
        var index = -1;
        for (var i = 0; i < _fields.Length && index < 0; i++)
        {
            if (IsName(_fields[i], name))
            {
                index = i;
            }
        }

        var without = _fields.RemoveAll(f => IsName(f, name));
        var replacement = values.Select(v => new HeaderField(name, v));
        return new(index < 0 ? without.AddRange(replacement) : without.InsertRange(index, replacement));
    }

    public IEnumerator<HeaderField> GetEnumerator() => ((IEnumerable<HeaderField>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(HeaderCollection? other) =>
        other is not null && _fields.SequenceEqual(other._fields);

    public override bool Equals(object? obj) => Equals(obj as HeaderCollection);

    public override int GetHashCode() => _fields.Aggregate(0, (hash, f) => HashCode.Combine(hash, f));

    public override string ToString() => string.Join("\n", _fields.Select(f => $"{f.Name}: {f.Value}"));

    private static bool IsName(HeaderField field, string name) =>
        string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase);
}
