using System.Runtime.CompilerServices;

namespace AlertBot.Core.Subscriptions;

/// <summary>
/// Per-thread working memory for one match: which stems the article holds (value: first position),
/// which registered prefixes it holds, and which candidate slots were already verified. Reused
/// across articles so a match allocates almost nothing.
/// </summary>
internal sealed class MatchScratch
{
    [ThreadStatic] private static MatchScratch? t_current;

    private readonly List<int> _prefixIds = [];

    // One bit per stem id: a candidate's term test reads a few KB that stay in L1, where the marks
    // (two ints per id, for phrase positions) span the whole vocabulary and miss the cache.
    private ulong[] _stemBits = new ulong[1024];
    private int[] _bitsSet = [];

    /// <summary>The ids a match finds, before they are sorted and copied out.</summary>
    public List<long> Results { get; } = [];

    /// <summary>Spare room for sorting a match's results.</summary>
    public long[] SortBuffer = [];

    /// <summary>Room for the words of the article being tokenised, and where each starts, before they are copied out.</summary>
    public SurfaceEntry[] TokenBuffer = [];

    public int[] StartBuffer = [];

    /// <summary>Room for the distinct stem ids of the article being tokenised, before they are copied out.</summary>
    public int[] DistinctBuffer = [];

    public ScratchMarks Stems { get; } = new();

    public ScratchMarks Prefixes { get; } = new();

    public SlotBits Slots { get; } = new();

    /// <summary>Candidates verified on this thread since it started (for the benchmark's report).</summary>
    public long Candidates { get; set; }

    /// <summary>Distinct prefix ids found by the last <see cref="LoadPrefixes"/>.</summary>
    public List<int> PrefixIds => _prefixIds;

    public static MatchScratch ForCurrentThread() => t_current ??= new MatchScratch();

    /// <summary>The article whose stems <see cref="Stems"/> holds, as left by <see cref="ArticleTokens"/>.</summary>
    public ArticleTokens? LoadedArticle { get; set; }

    public int LoadedGeneration { get; set; }

    /// <summary>True when the loaded article holds the stem.</summary>
    public bool HasStem(int id)
    {
        var bits = _stemBits;
        var word = id >> 6;
        return (uint)word < (uint)bits.Length && (bits[word] & (1UL << id)) != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void LoadStems(ArticleTokens article, int vocabularySize)
    {
        _prefixIds.Clear();
        Prefixes.Reset(0);
        var size = LoadStemBits(article.DistinctStemIds, vocabularySize);
        if (ReferenceEquals(LoadedArticle, article) && LoadedGeneration == Stems.Generation) return;
        Stems.Reset(size);
        LoadedArticle = article;
        LoadedGeneration = Stems.Generation;
        var ids = article.DistinctStemIds;
        var first = article.FirstPositions;
        for (var k = 0; k < ids.Length; k++) Stems.Add(ids[k], first[k]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int LoadStemBits(int[] ids, int vocabularySize)
    {
        var bits = _stemBits;
        foreach (var id in _bitsSet) bits[id >> 6] = 0;
        // An article tokenised against a larger vocabulary than the matcher's must not overrun the bits.
        var top = vocabularySize;
        foreach (var id in ids) top = Math.Max(top, id + 1);
        var words = (top >> 6) + 1;
        if (words > bits.Length) _stemBits = bits = new ulong[Math.Max(words, bits.Length * 2)];
        foreach (var id in ids) bits[id >> 6] |= 1UL << id;
        _bitsSet = ids;
        return top;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void LoadPrefixes(ArticleTokens article, PrefixRegistry registry)
    {
        Prefixes.Reset(registry.Count);
        foreach (var surface in article.Tokens)
        {
            foreach (var id in surface.PrefixIds(registry))
            {
                if ((uint)id < (uint)registry.Count && Prefixes.Add(id, 0)) _prefixIds.Add(id);
            }
        }
    }
}
