using System.Runtime.CompilerServices;
using AlertBot.Core.Text;

namespace AlertBot.Core.Subscriptions;

/// <summary>
/// An article (title and text) tokenised once for matching against many queries: its words in order
/// with their stem ids (for phrases), each distinct stem with its first position and a "next
/// position of the same stem" chain (a phrase check walks only the occurrences of its first word),
/// and each word's form (for prefix terms). It keeps the text and where each word starts in it, so the stories stage
/// reads the same words instead of tokenising the article again. Immutable; safe to share between threads.
/// </summary>
public sealed class ArticleTokens
{
    private NaiveDocument? _naive;

    private ArticleTokens(string text, TermVocabulary vocabulary, SurfaceEntry[] tokens, int[] starts, int[] stemIds, int[] next,
        int[] distinctIds, int[] firstPositions)
    {
        Text = text;
        Vocabulary = vocabulary;
        Tokens = tokens;
        Starts = starts;
        StemIds = stemIds;
        Next = next;
        DistinctStemIds = distinctIds;
        FirstPositions = firstPositions;
    }

    /// <summary>Number of characters of the text this was built from.</summary>
    public int TextLength => Text.Length;

    /// <summary>Number of words.</summary>
    public int Count => Tokens.Length;

    /// <summary>Folded word forms in order (unstemmed).</summary>
    public IEnumerable<string> Words => Tokens.Select(t => t.Surface);

    /// <summary>Stems in order.</summary>
    public IEnumerable<string> Stems => Tokens.Select(t => t.Stem);

    /// <summary>The text the words were read from.</summary>
    internal string Text { get; }

    /// <summary>The vocabulary the words were resolved in (their stem ids are its ids).</summary>
    internal TermVocabulary Vocabulary { get; }

    internal SurfaceEntry[] Tokens { get; }

    /// <summary>Where each word starts in <see cref="Text"/>, parallel to <see cref="Tokens"/>.</summary>
    internal int[] Starts { get; }

    internal int[] StemIds { get; }

    /// <summary>For each position, the next position with the same stem id, or -1.</summary>
    internal int[] Next { get; }

    internal int[] DistinctStemIds { get; }

    /// <summary>Parallel to <see cref="DistinctStemIds"/>.</summary>
    internal int[] FirstPositions { get; }

    /// <summary>The plain-string view for direct query evaluation, built on first use.</summary>
    internal NaiveDocument Naive => _naive ??= NaiveDocument.Of(this);

    public static ArticleTokens From(string? text) => From(text, TermVocabulary.Shared);

    /// <summary>An article's title and text as matching reads them (title, a line break, text), in one pass.</summary>
    public static ArticleTokens Of(string title, string text) => From(title + "\n" + text);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static ArticleTokens From(string? text, TermVocabulary vocabulary, bool registerNewStems = false)
    {
        text ??= "";
        var scratch = MatchScratch.ForCurrentThread();
        var count = Scan(text, vocabulary, registerNewStems, ref scratch.TokenBuffer, ref scratch.StartBuffer);
        return Build(text, vocabulary, scratch.TokenBuffer.AsSpan(0, count).ToArray(), scratch.StartBuffer.AsSpan(0, count).ToArray(), scratch);
    }

    /// <summary>Reads the words of <paramref name="text"/> into the buffers (grown as needed); returns how many.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int Scan(ReadOnlySpan<char> text, TermVocabulary vocabulary, bool registerNewStems, ref SurfaceEntry[] tokens, ref int[] starts)
    {
        var count = 0;
        var scanner = new TokenScanner(text);
        while (scanner.MoveNext())
        {
            if (count == tokens.Length)
            {
                Array.Resize(ref tokens, Math.Max(64, count * 2));
                Array.Resize(ref starts, tokens.Length);
            }
            tokens[count] = vocabulary.Resolve(scanner.Current, scanner.Hash, registerNewStems);
            starts[count++] = scanner.Start;
        }
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ArticleTokens Build(string text, TermVocabulary vocabulary, SurfaceEntry[] tokens, int[] starts, MatchScratch scratch)
    {
        var stems = scratch.Stems;
        stems.Reset(vocabulary.Count);

        var stemIds = new int[tokens.Length];
        var next = new int[tokens.Length];
        // Distinct ids collect in scratch (the count is known only at the end) and are copied out once.
        if (scratch.DistinctBuffer.Length < tokens.Length) scratch.DistinctBuffer = new int[Math.Max(64, tokens.Length * 2)];
        var distinct = scratch.DistinctBuffer;
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
        var article = new ArticleTokens(text, vocabulary, tokens, starts, stemIds, next, ids, first);
        // The marks now describe exactly this article; a match on this thread can use them as they are.
        scratch.LoadedArticle = article;
        scratch.LoadedGeneration = stems.Generation;
        return article;
    }
}
