namespace AlertBot.Core.Subscriptions;

/// <summary>
/// The subscriptions filed under one index key, as their compiled programs (which carry slot and id),
/// so verifying a candidate touches one object. Unordered; removal swaps in the last entry.
/// </summary>
internal sealed class PostingList
{
    private int[][] _items = new int[2][];

    public int Count { get; private set; }

    public ReadOnlySpan<int[]> Items => _items.AsSpan(0, Count);

    public void Add(int[] program)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = program;
    }

    public void Remove(int[] program)
    {
        var index = Array.IndexOf(_items, program, 0, Count);
        if (index < 0) return;
        _items[index] = _items[--Count];
        _items[Count] = null!;
        if (Count < _items.Length / 4 && _items.Length > 8) Array.Resize(ref _items, _items.Length / 2);
    }
}
