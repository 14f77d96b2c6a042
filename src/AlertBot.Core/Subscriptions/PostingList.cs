namespace AlertBot.Core.Subscriptions;

/// <summary>The subscription slots filed under one index key. Unordered; removal swaps in the last slot.</summary>
internal sealed class PostingList
{
    private int[] _items = new int[2];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Items => _items.AsSpan(0, Count);

    public void Add(int slot)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = slot;
    }

    public void Remove(int slot)
    {
        var index = Array.IndexOf(_items, slot, 0, Count);
        if (index < 0) return;
        _items[index] = _items[--Count];
        if (Count < _items.Length / 4 && _items.Length > 8) Array.Resize(ref _items, _items.Length / 2);
    }
}
