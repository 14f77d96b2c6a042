namespace AlertBot.Core.Subscriptions;

/// <summary>
/// An article (title and text) tokenised once for matching against many queries: its words in order
/// with their stem ids (for phrases), each distinct stem with its first position and a "next
/// position of the same stem" chain (a phrase check walks only the occurrences of its first word),
/// and its distinct word forms (for prefix terms). Immutable; safe to share between threads.
/// </summary>
public sealed class ArticleTokens
{
    [ThreadStatic] private static ScratchMarks? t_stems;
    [ThreadStatic] private static ScratchMarks? t_surfaces;

    private NaiveDocument? _naive;

    private ArticleTokens(SurfaceEntry[] tokens, int[] stemIds, int[] next, int[] distinctIds, int[] firstPositions,
        SurfaceEntry[] distinctSurfaces, int textLength)
    {
        Tokens = tokens;
        StemIds = stemIds;
        Next = next;
        DistinctStemIds = distinctIds;
        FirstPositions = firstPositions;
        DistinctSurfaces = distinctSurfaces;
        TextLength = textLength;
    }

    /// <summary>Number of characters of the text this was built from.</summary>
    public int TextLength { get; }

    /// <summary>Number of words.</summary>
    public int Count => Tokens.Length;

    /// <summary>Folded word forms in order (unstemmed).</summary>
    public IEnumerable<string> Words => Tokens.Select(t => t.Surface);

    /// <summary>Stems in order.</summary>
    public IEnumerable<string> Stems => Tokens.Select(t => t.Stem);

    internal SurfaceEntry[] Tokens { get; }

    internal int[] StemIds { get; }

    /// <summary>For each position, the next position with the same stem id, or -1.</summary>
    internal int[] Next { get; }

    internal int[] DistinctStemIds { get; }

    /// <summary>Parallel to <see cref="DistinctStemIds"/>.</summary>
    internal int[] FirstPositions { get; }

    internal SurfaceEntry[] DistinctSurfaces { get; }

    /// <summary>The plain-string view for direct query evaluation, built on first use.</summary>
    internal NaiveDocument Naive => _naive ??= NaiveDocument.Of(this);

    public static ArticleTokens From(string? text) => From(text, TermVocabulary.Shared);

    internal static ArticleTokens From(string? text, TermVocabulary vocabulary, bool registerNewStems = false)
    {
        text ??= "";
        var tokens = new List<SurfaceEntry>(text.Length / 6 + 4);
        var scanner = new TokenScanner(text);
        while (scanner.MoveNext()) tokens.Add(vocabulary.Resolve(scanner.Current, registerNewStems));
        return Build([.. tokens], vocabulary, text.Length);
    }

    private static ArticleTokens Build(SurfaceEntry[] tokens, TermVocabulary vocabulary, int textLength)
    {
        var stems = t_stems ??= new ScratchMarks();
        var surfaces = t_surfaces ??= new ScratchMarks();
        stems.Reset(vocabulary.Count);
        surfaces.Reset(vocabulary.SurfaceCount);

        var stemIds = new int[tokens.Length];
        var next = new int[tokens.Length];
        var distinct = new List<int>();
        var first = new List<int>();
        var distinctSurfaces = new List<SurfaceEntry>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var entry = tokens[i];
            var id = entry.StemId;
            stemIds[i] = id;
            next[i] = -1;
            if (entry.SurfaceId < 0 || surfaces.Add(entry.SurfaceId, 0)) distinctSurfaces.Add(entry);
            if (id < 0) continue;
            if (stems.Add(id, i))
            {
                distinct.Add(id);
                first.Add(i);
            }
            else
            {
                // The mark's value is the last position seen; link it forward to this one.
                next[stems.ValueOf(id)] = i;
                stems.SetValue(id, i);
            }
        }
        return new ArticleTokens(tokens, stemIds, next, [.. distinct], [.. first], [.. distinctSurfaces], textLength);
    }
}
