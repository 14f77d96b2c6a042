using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AlertBot.Core.Text;

namespace AlertBot.Core.Subscriptions;

/// <summary>
/// Dense integer ids for stems, and a cache from folded word form to its <see cref="SurfaceEntry"/>.
/// Ids let the matcher use arrays instead of hash lookups on the hot path. Append-only and
/// thread-safe. Article text may add new stems only up to <see cref="ArticleStemLimit"/> (a
/// long-running bot sees an unbounded stream of names and numbers); queries may always add theirs.
/// A word whose stem has no id cannot be a query term, so it is given -1 and never cached.
/// </summary>
internal sealed class TermVocabulary
{
    public const int ArticleStemLimit = 500_000;
    public const int SurfaceCacheLimit = 500_000;

    private readonly ConcurrentDictionary<string, int> _stemIds = new(StringComparer.Ordinal);
    private readonly SurfaceTable _surfaces = new();
    private readonly Lock _gate = new();
    private int _count;

    public static TermVocabulary Shared { get; } = new();

    /// <summary>Number of ids handed out; every id is below it.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Number of cached word forms; every <see cref="SurfaceEntry.SurfaceId"/> is below it.</summary>
    public int SurfaceCount => _surfaces.Count;

    /// <summary>Id of a stem used by a query; always succeeds.</summary>
    public int RegisterStem(string stem) => GetOrAdd(stem, allowGrowth: true);

    /// <summary>Id of a stem, or -1 when it is unknown.</summary>
    public int Find(string stem) => _stemIds.TryGetValue(stem, out var id) ? id : -1;

    /// <summary>The entry for a folded word form seen in text.</summary>
    public SurfaceEntry Resolve(ReadOnlySpan<char> surface, bool registerNewStems) =>
        Resolve(surface, SurfaceTable.Hash(surface), registerNewStems);

    /// <summary>As above, with the hash <see cref="TokenScanner"/> already computed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SurfaceEntry Resolve(ReadOnlySpan<char> surface, uint hash, bool registerNewStems) =>
        _surfaces.Find(surface, hash) ?? Learn(surface, hash, registerNewStems);

    /// <summary>
    /// A form not seen before: stemmed and cached. Apart from <see cref="Resolve(ReadOnlySpan{char}, uint, bool)"/> because
    /// the cache's factory captures locals, and C# allocates that closure on entry to the method that declares them.
    /// </summary>
    private SurfaceEntry Learn(ReadOnlySpan<char> surface, uint hash, bool registerNewStems)
    {
        var text = surface.ToString();
        var stem = EnglishStemmer.Stem(text);
        var id = GetOrAdd(stem, registerNewStems || Count < ArticleStemLimit);
        if (id < 0 || _surfaces.Count >= SurfaceCacheLimit) return new SurfaceEntry(text, stem, id, -1);
        return _surfaces.GetOrAdd(hash, surfaceId => new SurfaceEntry(text, stem, id, surfaceId), surface);
    }

    private int GetOrAdd(string stem, bool allowGrowth)
    {
        if (_stemIds.TryGetValue(stem, out var id)) return id;
        if (!allowGrowth) return -1;
        // Ids must stay dense (they index arrays), so hand them out under a lock.
        lock (_gate)
        {
            if (_stemIds.TryGetValue(stem, out id)) return id;
            id = _count;
            // Count first, so that any id a reader can see is below Count.
            Volatile.Write(ref _count, id + 1);
            _stemIds[stem] = id;
            return id;
        }
    }
}
