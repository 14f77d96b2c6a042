using System.Text.RegularExpressions;
using AlertBot.Core.Articles;
using AlertBot.Core.Subscriptions;
using AlertBot.Core.Text;

namespace AlertBot.Core.Summaries;

/// <summary>A sentence that may go into a summary, with its position, how well it leads and its content words.</summary>
internal sealed record SummaryCandidate(string Text, int Index, double Score, HashSet<string> Words);

/// <summary>Which sentences of a cleaned article may be summarised, and how well each one leads.</summary>
internal static partial class SummaryCandidates
{
    private const int MinLength = 30;

    public static IEnumerable<SummaryCandidate> From(string title, string cleanedText)
    {
        var titleWords = Words(title);
        var index = 0;
        foreach (var line in cleanedText.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('|')) continue;
            var bullet = BulletMark().Match(trimmed);
            var body = bullet.Success ? trimmed[bullet.Length..] : trimmed;
            foreach (var sentence in SentenceSplitter.Split(body))
            {
                if (!IsEligible(sentence, titleWords, out var words)) continue;
                yield return new SummaryCandidate(sentence, index, Score(sentence, index, bullet.Success), words);
                index++;
            }
        }
    }

    /// <summary>A sentence as a candidate reads it: trimmed, without a leading list bullet.</summary>
    public static string WithoutBullet(string sentence)
    {
        var trimmed = sentence.Trim();
        var bullet = BulletMark().Match(trimmed);
        return bullet.Success ? trimmed[bullet.Length..] : trimmed;
    }

    /// <summary>Two sentences telling the same thing (the standfirst repeated in the first paragraph).</summary>
    public static bool Overlaps(SummaryCandidate a, SummaryCandidate b)
    {
        var (wa, wb) = (a.Words, b.Words);
        if (wa.Count == 0 || wb.Count == 0) return false;
        var shared = wa.Count(wb.Contains);
        return shared >= 0.6 * Math.Min(wa.Count, wb.Count);
    }

    private static bool IsEligible(string sentence, HashSet<string> titleWords, out HashSet<string> words)
    {
        words = [];
        if (sentence.Length < MinLength || !LineShape.EndsLikeSentence(sentence) || LineShape.IsMostlyUpperCase(sentence)) return false;
        if (FurniturePatterns.IsFurnitureSentence(sentence)) return false;
        words = Words(sentence);
        if (titleWords.Count == 0) return true;
        // The headline again, perhaps with a full stop: most of its words are the title's.
        return words.Count == 0 || words.Count(titleWords.Contains) < 0.8 * words.Count || words.Count > 2 * titleWords.Count;
    }

    private static double Score(string sentence, int index, bool bullet)
    {
        var score = 1.0 / (1 + 0.25 * index);
        if (index == 0) score += 1.0;               // the lead says what happened
        if (HasKeyFigure(sentence)) score += 0.6;   // prefer sentences that carry the story's numbers
        if (char.IsLower(sentence[0])) score -= 0.8; // a fragment or a scraping accident
        if (MetaSentence().IsMatch(sentence)) score -= 0.7;
        if (bullet) score -= 0.5;
        if (sentence.EndsWith('?')) score -= 0.5;
        return score;
    }

    /// <summary>A count the story reports: "3,000", "1.2 million", "dozens of" — not a year or a date.</summary>
    internal static bool HasKeyFigure(string sentence)
    {
        foreach (Match m in Number().Matches(sentence))
        {
            var value = m.Value;
            if (Year().IsMatch(value) || DateContext().IsMatch(sentence[Math.Max(0, m.Index - 12)..Math.Min(sentence.Length, m.Index + m.Length + 12)]))
                continue;
            return true;
        }
        return CountWords().IsMatch(sentence);
    }

    /// <summary>
    /// The sentence's content words (longer than two letters), folded and stemmed like queries — through the shared
    /// vocabulary, which remembers each word form's stem, so a known word costs a lookup and no allocation.
    /// </summary>
    private static HashSet<string> Words(string s)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var scanner = new TokenScanner(s);
        while (scanner.MoveNext())
        {
            if (scanner.Current.Length > 2) words.Add(TermVocabulary.Shared.Resolve(scanner.Current, scanner.Hash, registerNewStems: false).Stem);
        }
        return words;
    }

    [GeneratedRegex(@"^(?:[-•*–]\s+)")]
    private static partial Regex BulletMark();

    [GeneratedRegex(@"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s*(?:million|billion|thousand|hundred)|\d{2,}")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?:1[89]|20)\d{2}$")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}\b|\d{1,2}:\d{2}", RegexOptions.IgnoreCase)]
    private static partial Regex DateContext();

    [GeneratedRegex(@"\b(?:hundreds|thousands|tens of thousands|millions|dozens) of\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountWords();

    [GeneratedRegex(@"^(?:in (?:summary|conclusion|short)\b|this (?:article|report|piece) (?:aims|will|looks|explores)|to illustrate\b|as this situation evolves\b)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaSentence();
}
