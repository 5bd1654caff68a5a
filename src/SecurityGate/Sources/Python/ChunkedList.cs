using System.Collections;

namespace SecurityGate.Sources.Python;

/// <summary>
/// An append-only list stored in fixed-size chunks. Token lists of big files would otherwise need arrays large
/// enough for the large-object heap, whose collections are expensive; chunks stay below that threshold.
/// </summary>
internal sealed class ChunkedList<T> : IReadOnlyList<T>
{
    private const int ChunkSize = 4096; // 4096 references = 32 KB, well under the 85 KB large-object threshold
    private readonly List<T[]> _chunks = new();
    private int _count;

    public int Count => _count;

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
            return _chunks[index / ChunkSize][index % ChunkSize];
        }
    }

    public void Add(T item)
    {
        int offset = _count % ChunkSize;
        if (offset == 0)
        {
            // Small lists (f-string fields) stay small: the first chunk starts short and grows.
            _chunks.Add(new T[_chunks.Count == 0 ? 16 : ChunkSize]);
        }
        else if (offset == _chunks[^1].Length)
        {
            var grown = new T[Math.Min(ChunkSize, offset * 2)];
            Array.Copy(_chunks[^1], grown, offset);
            _chunks[^1] = grown;
        }

        _chunks[^1][offset] = item;
        _count++;
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < _count; i++) yield return _chunks[i / ChunkSize][i % ChunkSize];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
