namespace AlertBot.Core.Subscriptions;

/// <summary>
/// A per-thread "set of small ints with a value each" that clears in O(1): an entry counts only when
/// its stamp equals the current generation. Used to dedupe an article's words and candidates
/// without allocating per article.
/// </summary>
internal sealed class ScratchMarks
{
    private int[] _stamps = new int[1024];
    private int[] _values = new int[1024];
    private int _generation = 1;

    /// <summary>Forgets every mark and makes room for keys below <paramref name="size"/>.</summary>
    public void Reset(int size)
    {
        if (size > _stamps.Length)
        {
            var length = Math.Max(size, _stamps.Length * 2);
            Array.Resize(ref _stamps, length);
            Array.Resize(ref _values, length);
        }
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamps);
            _generation = 1;
        }
    }

    public bool Contains(int key) => (uint)key < (uint)_stamps.Length && _stamps[key] == _generation;

    /// <summary>Marks <paramref name="key"/>; false when it was already marked.</summary>
    public bool Add(int key, int value)
    {
        if (_stamps[key] == _generation) return false;
        _stamps[key] = _generation;
        _values[key] = value;
        return true;
    }

    public int ValueOf(int key) => _values[key];

    public void SetValue(int key, int value) => _values[key] = value;
}
