using System.Runtime.CompilerServices;
using AlertBot.Core.Text;

namespace AlertBot.Core.Subscriptions;

/// <summary>
/// Word form → <see cref="SurfaceEntry"/>, looked up by a span and a hash the tokenizer computes
/// while it folds the characters. Open addressing over two parallel arrays (hashes, entries), so a
/// lookup reads one hash cell, then the entry and its string. Reads take no lock: a writer stores
/// the entry before its hash, and a resize publishes complete new arrays. Writes (new word forms,
/// rare once warm) take a lock.
/// </summary>
internal sealed class SurfaceTable
{
    private readonly Lock _gate = new();
    private Slots _slots = new(1 << 14);
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The hash the table expects; <see cref="TokenScanner"/> computes the same one incrementally.</summary>
    public static uint Hash(ReadOnlySpan<char> text) => TokenHash.Of(text);

    public SurfaceEntry? Find(ReadOnlySpan<char> text, uint hash) => Find(Volatile.Read(ref _slots), text, hash);

    /// <summary>Adds the entry unless its form is present; returns the entry that is in the table.</summary>
    public SurfaceEntry GetOrAdd(uint hash, Func<int, SurfaceEntry> create, ReadOnlySpan<char> text)
    {
        lock (_gate)
        {
            if (Find(_slots, text, hash) is { } existing) return existing;
            // Keep the load under one half so probe runs stay short.
            if (2 * (_count + 1) > _slots.Hashes.Length) Volatile.Write(ref _slots, Grow(_slots));
            var entry = create(_count);
            Insert(_slots, hash, entry);
            Volatile.Write(ref _count, _count + 1);
            return entry;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SurfaceEntry? Find(Slots slots, ReadOnlySpan<char> text, uint hash)
    {
        var mask = slots.Hashes.Length - 1;
        // Stored hashes have the low bit set, so 0 means "empty".
        var stored = hash | 1;
        for (var i = (int)(stored & (uint)mask); ; i = (i + 1) & mask)
        {
            var h = Volatile.Read(ref slots.Hashes[i]);
            if (h == 0) return null;
            if (h == stored && slots.Entries[i] is { } entry && text.SequenceEqual(entry.Surface)) return entry;
        }
    }

    private static void Insert(Slots slots, uint hash, SurfaceEntry entry)
    {
        var mask = slots.Hashes.Length - 1;
        var stored = hash | 1;
        var i = (int)(stored & (uint)mask);
        while (slots.Hashes[i] != 0) i = (i + 1) & mask;
        slots.Entries[i] = entry;
        Volatile.Write(ref slots.Hashes[i], stored);
    }

    private static Slots Grow(Slots old)
    {
        var grown = new Slots(old.Hashes.Length * 2);
        for (var i = 0; i < old.Hashes.Length; i++)
        {
            if (old.Hashes[i] != 0) Insert(grown, old.Hashes[i], old.Entries[i]!);
        }
        return grown;
    }

    private sealed class Slots(int size)
    {
        public readonly uint[] Hashes = new uint[size];
        public readonly SurfaceEntry?[] Entries = new SurfaceEntry?[size];
    }
}
