namespace AlertBot.Core.Subscriptions;

/// <summary>
/// An article as plain strings, for <see cref="NaiveEvaluator"/>: the stems in order, the set of
/// stems and the distinct word forms. Deliberately independent of the index's ids and arrays, so
/// that the two can check each other.
/// </summary>
internal sealed class NaiveDocument
{
    private NaiveDocument(string[] stems, string[] forms)
    {
        Stems = stems;
        StemSet = new HashSet<string>(stems, StringComparer.Ordinal);
        Forms = forms;
    }

    public string[] Stems { get; }

    public HashSet<string> StemSet { get; }

    public string[] Forms { get; }

    public static NaiveDocument Of(ArticleTokens article) =>
        new([.. article.Stems], [.. article.Words.Distinct(StringComparer.Ordinal)]);
}
