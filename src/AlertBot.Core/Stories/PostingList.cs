namespace AlertBot.Core.Stories;

/// <summary>
/// The stories holding one term, each as its slot in the index and the serial number of the story that held the slot
/// when it was posted (a story that left the window frees its slot; its entries stay until a clean-up), with a count of
/// entries whose story has left since the last clean-up.
/// </summary>
internal sealed class PostingList
{
    private Entry[] _entries = new Entry[4];

    public int Count { get; private set; }

    /// <summary>Entries known to belong to retired stories; the list is compacted when they are half of it.</summary>
    public int Retired { get; set; }

    public ReadOnlySpan<Entry> Entries => _entries.AsSpan(0, Count);

    public void Add(int slot, int serial)
    {
        if (Count == _entries.Length) Array.Resize(ref _entries, Count * 2);
        _entries[Count++] = new Entry(slot, serial);
    }

    /// <summary>
    /// Drops entries of stories no longer in their slot (<paramref name="slots"/>: the serial each slot holds now) once
    /// retired ones make up half the list, so clean-up costs O(1) per retired entry.
    /// </summary>
    public void CompactIfWorthIt(StorySlot[] slots)
    {
        if (Retired * 2 < Count) return;
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            if (slots[_entries[i].Slot].Serial == _entries[i].Serial) _entries[kept++] = _entries[i];
        }
        Count = kept;
        Retired = 0;
    }

    public readonly record struct Entry(int Slot, int Serial);
}
