
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
    public static string Summarize(string title, string cleanedText, int maxChars, IReadOnlyCollection<string> preferredSentences)
    {
        ArgumentNullException.ThrowIfNull(preferredSentences);
        var preferred = preferredSentences.Where(q => !string.IsNullOrWhiteSpace(q)).Select(SummaryCandidates.WithoutBullet).ToHashSet(StringComparer.Ordinal);
        return Summarize(title, cleanedText, maxChars, preferred.Count == 0 ? null : preferred.Contains);
    }

    /// <summary>As <see cref="Summarize(string, string, int)"/>, preferring sentences for which <paramref name="prefer"/> is true.</summary>
    public static string Summarize(string title, string cleanedText, int maxChars, Func<string, bool>? prefer)
    {
        if (string.IsNullOrWhiteSpace(cleanedText) || maxChars <= 1) return "";
        var candidates = SummaryCandidates.From(title ?? "", cleanedText).Take(LeadWindow).ToList();
        if (candidates.Count == 0) return "";

        var scored = candidates.Select(c => (Candidate: c, Score: c.Score + (prefer?.Invoke(c.Text) == true ? 1.0 : 0)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Candidate.Index).ToList();

        var chosen = new List<SummaryCandidate>();
        var length = 0;
        foreach (var (candidate, _) in scored)
        {
            var added = candidate.Text.Length + (chosen.Count == 0 ? 0 : 1);
            if (length + added > maxChars) continue;
            if (chosen.Exists(c => SummaryCandidates.Overlaps(c, candidate))) continue;
            chosen.Add(candidate);
            length += added;
        }
        if (chosen.Count > 0) return string.Join(' ', chosen.OrderBy(c => c.Index).Select(c => c.Text));

        // Not one whole sentence fits: last resort, the best sentence cut on a word boundary.
        return CutOnWord(scored[0].Candidate.Text, maxChars);
    }

    private static string CutOnWord(string sentence, int maxChars)
    {
        var limit = maxChars - 1; // room for the ellipsis
        var cut = sentence.LastIndexOf(' ', Math.Min(limit, sentence.Length - 1));
        var head = (cut > 0 ? sentence[..cut] : sentence[..limit]).TrimEnd(',', ';', ':', ' ', '-', '–');
        return head + "…";
    }
}
