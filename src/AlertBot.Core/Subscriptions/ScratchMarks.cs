namespace AlertBot.Core.Subscriptions;

/// <summary>
/// A per-thread "set of small ints with a value each" that clears in O(1): an entry counts only when
/// its stamp equals the current generation. Stamp and value sit side by side, so a lookup touches
/// one cache line. Used to dedupe an article's words and candidates without allocating per article.
/// </summary>
internal sealed class ScratchMarks
{
    private int[] _cells = new int[2048];
    private int _generation = 1;

    /// <summary>Changes on every <see cref="Reset"/>; lets a reader check the marks are still its own.</summary>
    public int Generation => _generation;

    /// <summary>Forgets every mark and makes room for keys below <paramref name="size"/>.</summary>
    public void Reset(int size)
    {
        if (2 * size > _cells.Length) Array.Resize(ref _cells, Math.Max(2 * size, _cells.Length * 2));
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_cells);
            _generation = 1;
        }
    }

    public bool Contains(int key) => (uint)key < (uint)(_cells.Length / 2) && _cells[2 * key] == _generation;

    /// <summary>Marks <paramref name="key"/>; false when it was already marked.</summary>
    public bool Add(int key, int value)
    {
        ref var stamp = ref _cells[2 * key];
        if (stamp == _generation) return false;
        stamp = _generation;
        _cells[2 * key + 1] = value;
        return true;
    }

    public int ValueOf(int key) => _cells[2 * key + 1];

    public void SetValue(int key, int value) => _cells[2 * key + 1] = value;
}
