namespace AlertBot.Core.Stories;

/// <summary>The stories holding one term, with a count of how many of them have left the window since the last clean-up.</summary>
internal sealed class PostingList
{
    public List<Story> Stories { get; } = [];

    /// <summary>Entries known to belong to retired stories; the list is compacted when they are half of it.</summary>
    public int Retired { get; set; }

    /// <summary>Drops retired stories once they make up half the list, so clean-up costs O(1) per retired entry.</summary>
    public void CompactIfWorthIt()
    {
        if (Retired * 2 < Stories.Count) return;
        Stories.RemoveAll(s => s.Retired);
        Retired = 0;
    }
}
