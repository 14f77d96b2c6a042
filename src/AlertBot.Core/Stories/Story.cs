namespace AlertBot.Core.Stories;

/// <summary>
/// One active story in memory: the sum of its reports' unit term vectors (its heaviest terms only), the specifics
/// its reports gave, the capitalised words they used and a sample of their word triples. Every collection is
/// capped, so a story's memory is bounded however many outlets report it.
/// </summary>
internal sealed class Story
{
    private const int MaxSpecifics = 8;
    private const int MaxProperWords = 96;
    private const int MaxShingles = 64;

    public Story(long id, StoryProfile first, int maxTerms)
    {
        Id = id;
        Start = first.Published;
        Terms = TermVector.Empty.AddUnit(first.Terms, maxTerms);
        FirstRecurrence = first.Specifics.Recurrence.Count > 0;
        Merge(first);
    }

    public long Id { get; }

    public DateTimeOffset Start { get; }

    public int Reports { get; private set; }

    public TermVector Terms { get; private set; }

    public List<double> Magnitudes { get; } = [];

    public List<DateOnly> EventDates { get; } = [];

    public List<string> Ordinals { get; } = [];

    public List<string> Operations { get; } = [];

    public List<string> Identifiers { get; } = [];

    public List<uint[]> Locations { get; } = [];

    public List<uint[]> Names { get; } = [];

    /// <summary>The first report already called its event "another" (so later ones saying so are about this one).</summary>
    public bool FirstRecurrence { get; }

    /// <summary>Capitalised words of its reports.</summary>
    public WordSet ProperWords { get; private set; } = WordSet.Empty;

    /// <summary>Sorted sampled shingle hashes, the smallest kept (the same ones for every copy).</summary>
    public uint[] Shingles { get; private set; } = [];

    /// <summary>Where the index keeps it while it is active, and the serial number that tells it from the slot's other holders.</summary>
    internal int Slot;
    internal int Serial;

    /// <summary>Adds a joining report; returns the stem ids that are new to the story's terms.</summary>
    public List<int> Join(StoryProfile report, int maxTerms)
    {
        var before = Terms.Ids;
        Terms = Terms.AddUnit(report.Terms, maxTerms);
        Merge(report);
        // Both sorted: the ids of the new terms that the old ones lack, in one pass.
        var after = Terms.Ids;
        var added = new List<int>();
        for (int i = 0, j = 0; i < after.Length; i++)
        {
            while (j < before.Length && before[j] < after[i]) j++;
            if (j >= before.Length || before[j] != after[i]) added.Add(after[i]);
        }
        return added;
    }

    private void Merge(StoryProfile report)
    {
        Reports++;
        var s = report.Specifics;
        if (s.Magnitude is { } m) AddCapped(Magnitudes, m);
        if (s.EventDate is { } d) AddCapped(EventDates, d);
        foreach (var o in s.Ordinals) AddCapped(Ordinals, o);
        foreach (var o in s.Operations) AddCapped(Operations, o);
        foreach (var i in s.Identifiers) AddCapped(Identifiers, i);
        AddNames(Locations, s.Locations);
        AddNames(Names, s.Names);
        if (Union(ProperWords.Sorted, report.ProperWords.Sorted, MaxProperWords, keepSmallest: false) is { } properWords)
            ProperWords = WordSet.OfSorted(properWords);
        if (Union(Shingles, report.Shingles, MaxShingles, keepSmallest: true) is { } shingles) Shingles = shingles;
    }

    private static void AddNames(List<uint[]> list, IReadOnlyList<uint[]> added)
    {
        foreach (var name in added)
        {
            if (list.Count < MaxSpecifics * 2 && !list.Exists(x => x.AsSpan().SequenceEqual(name))) list.Add(name);
        }
    }

    private static void AddCapped<T>(List<T> list, T value)
    {
        if (list.Count < MaxSpecifics && !list.Contains(value)) list.Add(value);
    }

    /// <summary>
    /// Sorted union, capped, of <paramref name="current"/> and <paramref name="added"/> (both sorted and distinct):
    /// one merge. Shingles keep the smallest hashes (a bottom-k sample, consistent across copies); proper words keep
    /// what came first (the first reports name the event), so new words, smallest first, only fill free room.
    /// </summary>
    /// <returns>The union, or null when it is <paramref name="current"/> unchanged.</returns>
    private static uint[]? Union(ReadOnlySpan<uint> current, ReadOnlySpan<uint> added, int cap, bool keepSmallest)
    {
        var extra = 0;
        for (int i = 0, j = 0; j < added.Length; j++)
        {
            while (i < current.Length && current[i] < added[j]) i++;
            if (i == current.Length || current[i] != added[j]) extra++;
        }
        if (extra == 0) return null;
        if (!keepSmallest)
        {
            if (current.Length >= cap) return null;
            extra = Math.Min(extra, cap - current.Length);
        }
        var merged = new uint[Math.Min(current.Length + extra, cap)];
        // Takes the smaller head of current and of added's values that current lacks, until full or the extras allowed are in.
        int c = 0, a = 0, taken = 0, n = 0;
        while (n < merged.Length)
        {
            while (a < added.Length && c < current.Length && current[c] == added[a]) a++;
            if (a < added.Length && taken < extra && (c == current.Length || added[a] < current[c]))
            {
                merged[n++] = added[a++];
                taken++;
            }
            else
            {
                merged[n++] = current[c++];
            }
        }
        return merged;
    }
}
