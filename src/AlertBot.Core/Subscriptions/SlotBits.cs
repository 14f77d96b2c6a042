namespace AlertBot.Core.Subscriptions;

/// <summary>
/// The set of candidate slots already verified in one match (a subscription filed under several
/// keys is found once per key). One bit per slot keeps a million subscriptions in 128 KB, where a
/// stamp per slot would miss the cache on every lookup; only the words touched are cleared.
/// </summary>
internal sealed class SlotBits
{
    private ulong[] _bits = new ulong[64];
    private readonly List<int> _touched = [];

    /// <summary>Forgets every slot and makes room for slots below <paramref name="size"/>.</summary>
    public void Reset(int size)
    {
        var bits = _bits;
        foreach (var word in _touched) bits[word] = 0;
        _touched.Clear();
        var words = (size >> 6) + 1;
        if (words > bits.Length) _bits = new ulong[Math.Max(words, bits.Length * 2)];
    }

    /// <summary>Marks <paramref name="slot"/>; false when it was already marked.</summary>
    public bool Add(int slot)
    {
        ref var word = ref _bits[slot >> 6];
        var bit = 1UL << slot;
        if ((word & bit) != 0) return false;
        if (word == 0) _touched.Add(slot >> 6);
        word |= bit;
        return true;
    }
}
