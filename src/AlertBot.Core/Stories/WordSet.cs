using System.Collections;
using System.Runtime.CompilerServices;

namespace AlertBot.Core.Stories;

/// <summary>
/// A set of word hashes (<see cref="WordHash"/>) kept as one sorted array: small, and built without a hash table. A
/// 256-bit filter in front of the array answers most look-ups of words it lacks without a search, which is what a
/// place or name test mostly asks.
/// </summary>
internal sealed class WordSet : IEnumerable<uint>
{
    public static readonly WordSet Empty = new([]);

    private readonly uint[] _sorted;
    private readonly Filter _filter;

    private WordSet(uint[] sorted)
    {
        _sorted = sorted;
        foreach (var h in sorted)
        {
            var bit = Bit(h);
            _filter[bit >> 6] |= 1UL << (bit & 63);
        }
    }

    public int Count => _sorted.Length;

    /// <summary>The hashes, ascending.</summary>
    public ReadOnlySpan<uint> Sorted => _sorted;

    /// <summary>The distinct hashes of <paramref name="hashes"/>, which it sorts in place.</summary>
    public static WordSet Of(Span<uint> hashes)
    {
        return hashes.IsEmpty ? Empty : new WordSet(SortedSpan.SortDistinct(hashes).ToArray());
    }

    /// <summary>A set over <paramref name="sortedDistinct"/>, which it keeps (the caller never changes it).</summary>
    public static WordSet OfSorted(uint[] sortedDistinct) => sortedDistinct.Length == 0 ? Empty : new WordSet(sortedDistinct);

    public bool Contains(uint hash)
    {
        var bit = Bit(hash);
        return (_filter[bit >> 6] & 1UL << (bit & 63)) != 0 && Array.BinarySearch(_sorted, hash) >= 0;
    }

    public IEnumerator<uint> GetEnumerator() => ((IEnumerable<uint>)_sorted).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The filter bit of a hash: its top byte after a multiplicative mix.</summary>
    private static int Bit(uint hash) => (int)((hash * 0x9E3779B1u) >> 24);

    [InlineArray(4)]
    private struct Filter
    {
        private ulong _word;
    }
}
