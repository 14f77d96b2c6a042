using System.Runtime.CompilerServices;
using AlertBot.Core.Text;

namespace AlertBot.Core.Subscriptions;

/// <summary>
/// An article (title and text) tokenised once for matching against many queries: its words in order
/// with their stem ids (for phrases), each distinct stem with its first position and a "next
/// position of the same stem" chain (a phrase check walks only the occurrences of its first word),
/// and each word's form (for prefix terms). Immutable; safe to share between threads.
/// </summary>
public sealed class ArticleTokens
{
    private NaiveDocument? _naive;

    private ArticleTokens(SurfaceEntry[] tokens, int[] stemIds, int[] next, int[] distinctIds, int[] firstPositions,
        int textLength)
    {
        Tokens = tokens;
        StemIds = stemIds;
        Next = next;
        DistinctStemIds = distinctIds;
        FirstPositions = firstPositions;
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

    /// <summary>The plain-string view for direct query evaluation, built on first use.</summary>
    internal NaiveDocument Naive => _naive ??= NaiveDocument.Of(this);

    public static ArticleTokens From(string? text) => From(text, TermVocabulary.Shared);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static ArticleTokens From(string? text, TermVocabulary vocabulary, bool registerNewStems = false)
    {
        text ??= "";
        var tokens = new List<SurfaceEntry>(text.Length / 6 + 4);
        var scanner = new TokenScanner(text);
        while (scanner.MoveNext()) tokens.Add(vocabulary.Resolve(scanner.Current, scanner.Hash, registerNewStems));
        return Build([.. tokens], vocabulary, text.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ArticleTokens Build(SurfaceEntry[] tokens, TermVocabulary vocabulary, int textLength)
    {
        var scratch = MatchScratch.ForCurrentThread();
        var stems = scratch.Stems;
        stems.Reset(vocabulary.Count);

        var stemIds = new int[tokens.Length];
        var next = new int[tokens.Length];
        var distinct = new int[tokens.Length];
        var distinctCount = 0;
        // Backwards, so each mark ends holding the stem's first position and "next" links forwards.
        for (var i = tokens.Length - 1; i >= 0; i--)
        {
            var id = tokens[i].StemId;
            stemIds[i] = id;
            next[i] = -1;
            if (id < 0) continue;
            if (stems.Add(id, i)) distinct[distinctCount++] = id;
            else
            {
                next[i] = stems.ValueOf(id);
                stems.SetValue(id, i);
            }
        }
        var ids = distinct.AsSpan(0, distinctCount).ToArray();
        var first = new int[distinctCount];
        for (var k = 0; k < first.Length; k++) first[k] = stems.ValueOf(ids[k]);
        var article = new ArticleTokens(tokens, stemIds, next, ids, first, textLength);
        // The marks now describe exactly this article; a match on this thread can use them as they are.
        scratch.LoadedArticle = article;
        scratch.LoadedGeneration = stems.Generation;
        return article;
    }
}
