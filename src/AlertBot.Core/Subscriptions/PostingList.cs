namespace AlertBot.Core.Subscriptions;

/// <summary>
/// The subscriptions filed under one index key, stored inline: consecutive records
/// <c>[recordLength, program...]</c> in one int array. Verifying the candidates of a key is then a
/// sequential scan the CPU can prefetch, instead of one pointer chase (and cache miss) per
/// candidate. A struct held in the index's own arrays, so reaching a key's records costs one miss
/// fewer than going through an object. Unordered; removal closes the gap.
/// </summary>
internal struct PostingList
{
    private int[]? _data;

    /// <summary>Ints in use; records occupy [0, Length).</summary>
    public int Length { get; private set; }

    public readonly ReadOnlySpan<int> Data => _data.AsSpan(0, Length);

    /// <summary>The array records live in (valid up to <see cref="Length"/>); programs are evaluated in place.</summary>
    public readonly int[] Buffer => _data ?? [];

    public void Add(int[] program)
    {
        var needed = Length + 1 + program.Length;
        _data ??= new int[Math.Max(16, needed)];
        if (needed > _data.Length) Array.Resize(ref _data, Math.Max(needed, _data.Length * 2));
        _data[Length] = 1 + program.Length;
        program.CopyTo(_data, Length + 1);
        Length = needed;
    }

    public void Remove(int slot)
    {
        if (_data is null) return;
        for (var at = 0; at < Length; at += _data[at])
        {
            if (QueryProgram.Slot(_data, at + 1) != slot) continue;
            var size = _data[at];
            Array.Copy(_data, at + size, _data, at, Length - at - size);
            Length -= size;
            if (Length < _data.Length / 4 && _data.Length > 64) Array.Resize(ref _data, _data.Length / 2);
            return;
        }
    }
}
