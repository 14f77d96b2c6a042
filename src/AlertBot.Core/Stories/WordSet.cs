using System.Collections;

namespace AlertBot.Core.Stories;

/// <summary>A set of word hashes (<see cref="WordHash"/>) kept as one sorted array: small, and built without a hash table.</summary>
internal sealed class WordSet : IEnumerable<uint>
{
    public static readonly WordSet Empty = new([]);

    private readonly uint[] _sorted;

    private WordSet(uint[] sorted) => _sorted = sorted;

    public int Count => _sorted.Length;

    /// <summary>The distinct hashes of <paramref name="hashes"/>, which it sorts in place.</summary>
    public static WordSet Of(Span<uint> hashes)
    {
        return hashes.IsEmpty ? Empty : new WordSet(SortedSpan.SortDistinct(hashes).ToArray());
    }

    public bool Contains(uint hash) => Array.BinarySearch(_sorted, hash) >= 0;

    public IEnumerator<uint> GetEnumerator() => ((IEnumerable<uint>)_sorted).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
