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

    public ScratchMarks Stems { get; } = new();

    public ScratchMarks Prefixes { get; } = new();

    public ScratchMarks Slots { get; } = new();

    /// <summary>Candidates verified on this thread since it started (for the benchmark's report).</summary>
    public long Candidates { get; set; }

    /// <summary>Distinct prefix ids found by the last <see cref="LoadPrefixes"/>.</summary>
    public List<int> PrefixIds => _prefixIds;

    public static MatchScratch ForCurrentThread() => t_current ??= new MatchScratch();

    /// <summary>The article whose stems <see cref="Stems"/> holds, as left by <see cref="ArticleTokens"/>.</summary>
    public ArticleTokens? LoadedArticle { get; set; }

    public int LoadedGeneration { get; set; }

    public void LoadStems(ArticleTokens article, int vocabularySize)
    {
        _prefixIds.Clear();
        Prefixes.Reset(0);
        if (ReferenceEquals(LoadedArticle, article) && LoadedGeneration == Stems.Generation) return;
        Stems.Reset(vocabularySize);
        LoadedArticle = article;
        LoadedGeneration = Stems.Generation;
        var ids = article.DistinctStemIds;
        var first = article.FirstPositions;
        for (var k = 0; k < ids.Length; k++) Stems.Add(ids[k], first[k]);
    }

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
