namespace AlertBot.Core.Subscriptions;

/// <summary>
/// What one folded word form resolves to: its stem, the stem's id, and which registered prefixes it
/// starts with. Shared by every article that uses the form, so the stemmer runs once per form.
/// </summary>
internal sealed class SurfaceEntry
{
    private PrefixHits? _prefixHits;

    public SurfaceEntry(string surface, string stem, int stemId, int surfaceId)
    {
        Surface = surface;
        Stem = stem;
        StemId = stemId;
        SurfaceId = surfaceId;
    }

    public string Surface { get; }

    public string Stem { get; }

    /// <summary>Id in <see cref="TermVocabulary"/>, or -1 when the vocabulary was full (then no query uses it).</summary>
    public int StemId { get; }

    /// <summary>Dense id of a cached form, or -1 for a form that was not cached (then it is its own object per use).</summary>
    public int SurfaceId { get; }

    /// <summary>Ids of the registered prefixes this form starts with; recomputed when a prefix is added.</summary>
    public int[] PrefixIds(PrefixRegistry registry)
    {
        var hits = _prefixHits;
        var version = registry.Version;
        if (hits is not null && hits.Version == version) return hits.Ids;
        hits = new PrefixHits(version, registry.PrefixesOf(Surface));
        _prefixHits = hits;
        return hits.Ids;
    }

    // Immutable pair swapped in one reference write, so concurrent readers never see a torn value.
    private sealed record PrefixHits(int Version, int[] Ids);
}
