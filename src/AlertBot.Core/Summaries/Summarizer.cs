
using AlertBot.Core.Text;

namespace AlertBot.Core.Summaries;

/// <summary>
/// Extractive summary: whole sentences of the article, verbatim, within a length budget. The lead sentence says
/// what happened and is taken first when it fits; the rest of the budget goes to early sentences that carry the
/// story's figures (or that the caller prefers, e.g. the quotes of extracted figures). Never furniture, never the
/// headline again, never a table row, and a sentence is only ever cut when not one whole sentence fits.
/// </summary>
public static class Summarizer
{
    public const int DefaultMaxChars = 300;

    /// <summary>Sentences further into the article than this are not considered: a summary comes from the lead.</summary>
    private const int LeadWindow = 15;

    public static string Summarize(string title, string cleanedText, int maxChars = DefaultMaxChars) =>
        Summarize(title, cleanedText, maxChars, prefer: null);

    /// <summary>
    /// As <see cref="Summarize(string, string, int)"/>, preferring the sentences in <paramref name="preferredSentences"/>
    /// (e.g. the quotes of extracted figures). Both sides come from the one <see cref="Text.SentenceSplitter"/>, so a
    /// preferred sentence is recognised by identity, never by a substring that a different split could lose.
    /// </summary>
    public static string Summarize(string title, string cleanedText, int maxChars, IReadOnlyCollection<string> preferredSentences) =>
        Summarize(title, new ArticleSentences(cleanedText), maxChars, preferredSentences);

    /// <summary>
    /// As <see cref="Summarize(string, string, int, IReadOnlyCollection{string})"/>, reading the sentences of
    /// <paramref name="article"/> that the figure extractor has already split.
    /// </summary>
    public static string Summarize(string title, ArticleSentences article, int maxChars, IReadOnlyCollection<string> preferredSentences)
    {
        ArgumentNullException.ThrowIfNull(preferredSentences);
        HashSet<string>? preferred = null;
        foreach (var q in preferredSentences)
        {
            if (!string.IsNullOrWhiteSpace(q)) (preferred ??= new HashSet<string>(StringComparer.Ordinal)).Add(SummaryCandidates.WithoutBullet(q));
        }
        return Summarize(title, article, maxChars, preferred is null ? null : preferred.Contains);
    }

    /// <summary>As <see cref="Summarize(string, string, int)"/>, preferring sentences for which <paramref name="prefer"/> is true.</summary>
    public static string Summarize(string title, string cleanedText, int maxChars, Func<string, bool>? prefer) =>
        Summarize(title, new ArticleSentences(cleanedText), maxChars, prefer);

    private static string Summarize(string title, ArticleSentences article, int maxChars, Func<string, bool>? prefer)
    {
        if (string.IsNullOrWhiteSpace(article.Text) || maxChars <= 1) return "";
        var candidates = SummaryCandidates.From(title ?? "", article, LeadWindow);
        if (candidates.Count == 0) return "";

        // Best first; of equal scores, the earlier sentence (a stable sort by score alone would do the same).
        var scores = new double[candidates.Count];
        for (var i = 0; i < candidates.Count; i++) scores[i] = candidates[i].Score + (prefer?.Invoke(candidates[i].Text) == true ? 1.0 : 0);
        var order = new int[candidates.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]) is var bys and not 0 ? bys : candidates[a].Index.CompareTo(candidates[b].Index));

        var chosen = new List<SummaryCandidate>();
        var length = 0;
        foreach (var at in order)
        {
            var candidate = candidates[at];
            var added = candidate.Text.Length + (chosen.Count == 0 ? 0 : 1);
            if (length + added > maxChars) continue;
            if (OverlapsAny(chosen, candidate)) continue;
            chosen.Add(candidate);
            length += added;
        }
        if (chosen.Count > 0)
        {
            chosen.Sort((a, b) => a.Index.CompareTo(b.Index));
            return chosen.Count == 1 ? chosen[0].Text : string.Join(' ', chosen.ConvertAll(c => c.Text));
        }

        // Not one whole sentence fits: last resort, the best sentence cut on a word boundary.
        return CutOnWord(candidates[order[0]].Text, maxChars);
    }

    // A loop rather than List.Exists with a lambda, which would allocate a closure for every candidate.
    private static bool OverlapsAny(List<SummaryCandidate> chosen, SummaryCandidate candidate)
    {
        foreach (var c in chosen)
        {
            if (SummaryCandidates.Overlaps(c, candidate)) return true;
        }
        return false;
    }

    private static string CutOnWord(string sentence, int maxChars)
    {
        var limit = maxChars - 1; // room for the ellipsis
        var cut = sentence.LastIndexOf(' ', Math.Min(limit, sentence.Length - 1));
        var head = (cut > 0 ? sentence[..cut] : sentence[..limit]).TrimEnd(',', ';', ':', ' ', '-', '–');
        return head + "…";
    }
}
