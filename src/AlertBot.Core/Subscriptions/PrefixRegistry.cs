using System.Collections.Concurrent;

namespace AlertBot.Core.Subscriptions;

/// <summary>
/// Every prefix (the part before '*') that some compiled query uses, each with a dense id. Articles
/// learn which of them they contain through <see cref="SurfaceEntry.PrefixIds"/>, so checking a
/// prefix term costs one array read instead of a scan over the article's words.
/// </summary>
internal sealed class PrefixRegistry
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _version;
    private int _count;
    private int _minLength = int.MaxValue;
    private int _maxLength;

    public static PrefixRegistry Shared { get; } = new();

    /// <summary>Changes whenever a prefix is added; cached prefix hits compare against it.</summary>
    public int Version => Volatile.Read(ref _version);

    public int Count => Volatile.Read(ref _count);

    public int Register(string prefix)
    {
        if (_ids.TryGetValue(prefix, out var id)) return id;
        lock (_gate)
        {
            if (_ids.TryGetValue(prefix, out id)) return id;
            id = _count;
            // Count first, so that any id a reader can see is below Count.
            Volatile.Write(ref _count, id + 1);
            _ids[prefix] = id;
            _minLength = Math.Min(_minLength, prefix.Length);
            _maxLength = Math.Max(_maxLength, prefix.Length);
            Interlocked.Increment(ref _version);
            return id;
        }
    }

    public int[] PrefixesOf(string surface)
    {
        if (Count == 0) return [];
        var lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        List<int>? hits = null;
        var max = Math.Min(surface.Length, _maxLength);
        for (var length = _minLength; length <= max; length++)
        {
            if (lookup.TryGetValue(surface.AsSpan(0, length), out var id)) (hits ??= []).Add(id);
        }
        return hits is null ? [] : [.. hits];
    }
}
