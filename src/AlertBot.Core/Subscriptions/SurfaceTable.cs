namespace AlertBot.Core.Subscriptions;

/// <summary>
/// Word form → <see cref="SurfaceEntry"/>, looked up by a span and a hash the tokenizer computes
/// while it folds the characters, so a lookup is one bucket read and one comparison. Reads take no
/// lock: entries are immutable, a chain is only ever extended at its head, and a resize publishes a
/// complete new bucket array. Writes (new word forms, rare once warm) take a lock.
/// </summary>
internal sealed class SurfaceTable
{
    private readonly Lock _gate = new();
    private Node?[] _buckets = new Node?[1 << 14];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The hash the table expects; <see cref="TokenScanner"/> computes the same one incrementally.</summary>
    public static uint Hash(ReadOnlySpan<char> text)
    {
        var hash = HashStart;
        foreach (var c in text) hash = HashStep(hash, c);
        return hash;
    }

    // Seeded per process, so that nobody can prepare a feed of colliding words in advance.
    internal static readonly uint HashStart = 2166136261 ^ (uint)Random.Shared.Next();

    internal static uint HashStep(uint hash, char c) => (hash ^ c) * 16777619;

    public SurfaceEntry? Find(ReadOnlySpan<char> text, uint hash)
    {
        var buckets = Volatile.Read(ref _buckets);
        for (var node = Volatile.Read(ref buckets[hash & (uint)(buckets.Length - 1)]); node is not null; node = node.Next)
        {
            if (node.Hash == hash && text.SequenceEqual(node.Entry.Surface)) return node.Entry;
        }
        return null;
    }

    /// <summary>Adds the entry unless its form is present; returns the entry that is in the table.</summary>
    public SurfaceEntry GetOrAdd(uint hash, Func<int, SurfaceEntry> create, ReadOnlySpan<char> text)
    {
        lock (_gate)
        {
            if (Find(text, hash) is { } existing) return existing;
            if (_count >= _buckets.Length) Resize();
            var entry = create(_count);
            var buckets = _buckets;
            ref var head = ref buckets[hash & (uint)(buckets.Length - 1)];
            Volatile.Write(ref head, new Node(hash, entry, head));
            Volatile.Write(ref _count, _count + 1);
            return entry;
        }
    }

    private void Resize()
    {
        var old = _buckets;
        var grown = new Node?[old.Length * 2];
        foreach (var chain in old)
        {
            for (var node = chain; node is not null; node = node.Next)
            {
                ref var head = ref grown[node.Hash & (uint)(grown.Length - 1)];
                head = new Node(node.Hash, node.Entry, head);
            }
        }
        Volatile.Write(ref _buckets, grown);
    }

    private sealed class Node(uint hash, SurfaceEntry entry, Node? next)
    {
        public uint Hash { get; } = hash;

        public SurfaceEntry Entry { get; } = entry;

        public Node? Next { get; } = next;
    }
}
