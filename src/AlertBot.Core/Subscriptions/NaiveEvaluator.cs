namespace AlertBot.Core.Subscriptions;

/// <summary>
/// The reference meaning of a query: a direct walk of the tree over an article's strings. The index
/// (<see cref="SubscriptionMatcher"/>) must agree with it exactly; it is also the "evaluate every
/// subscription" baseline of the benchmark, and serves one-off searches such as /latest.
/// </summary>
internal static class NaiveEvaluator
{
    public static bool Matches(QueryNode node, NaiveDocument doc) => node switch
    {
        TermNode term => doc.StemSet.Contains(term.Stem),
        PrefixNode prefix => doc.Forms.Any(f => f.StartsWith(prefix.Prefix, StringComparison.Ordinal)),
        PhraseNode phrase => ContainsPhrase(doc.Stems, phrase.Stems),
        AndNode and => and.Children.All(c => Matches(c, doc)),
        OrNode or => or.Children.Any(c => Matches(c, doc)),
        NotNode not => !Matches(not.Child, doc),
        _ => throw new InvalidOperationException($"unknown query node {node.GetType().Name}"),
    };

    private static bool ContainsPhrase(string[] stems, string[] phrase)
    {
        for (var start = 0; start + phrase.Length <= stems.Length; start++)
        {
            var k = 0;
            while (k < phrase.Length && stems[start + k] == phrase[k]) k++;
            if (k == phrase.Length) return true;
        }
        return false;
    }
}
