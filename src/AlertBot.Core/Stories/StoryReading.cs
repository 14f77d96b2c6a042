using AlertBot.Core.Subscriptions;

namespace AlertBot.Core.Stories;

/// <summary>
/// A report as the stories stage has read it, before it is weighed against the stream: its stems with their term frequencies (title counted
/// twice, then the lead), specifics, shingles and words. Reading is pure and thread-safe, so checks read their reports
/// in parallel and only weighing and joining (<see cref="StoryClusterer.Add(StoryReading)"/>) take turns.
/// </summary>
public sealed class StoryReading
{
    internal StoryReading(StoryArticle article, int[] stemIds, double[] termFrequencies, Specifics specifics, uint[] shingles,
        WordSet words, WordSet properWords)
    {
        Article = article;
        StemIds = stemIds;
        TermFrequencies = termFrequencies;
        Specifics = specifics;
        Shingles = shingles;
        Words = words;
        ProperWords = properWords;
    }

    public StoryArticle Article { get; }

    /// <summary>The report's tokens when the reading was given them (and used them), for matching to reuse.</summary>
    internal ArticleTokens? Tokens { get; init; }

    /// <summary>Distinct stems of the title and lead, ascending, with <see cref="TermFrequencies"/> at the same index.</summary>
    internal int[] StemIds { get; }

    /// <summary>1 + ln(count) of each stem (title counted twice): the TF of its TF-IDF weight.</summary>
    internal double[] TermFrequencies { get; }

    internal Specifics Specifics { get; }

    internal uint[] Shingles { get; }

    internal WordSet Words { get; }

    internal WordSet ProperWords { get; }
}
