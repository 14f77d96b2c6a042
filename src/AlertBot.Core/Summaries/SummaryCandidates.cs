using System.Text.RegularExpressions;
using AlertBot.Core.Articles;
using AlertBot.Core.Text;

namespace AlertBot.Core.Summaries;

/// <summary>A sentence that may go into a summary, with its position, how well it leads and its content words.</summary>
/// <param name="Words">Its distinct content stems as ids, sorted, so two candidates compare by merging.</param>
internal sealed record SummaryCandidate(string Text, int Index, double Score, int[] Words);

/// <summary>Which sentences of a cleaned article may be summarised, and how well each one leads.</summary>
internal static partial class SummaryCandidates
{
    private const int MinLength = 30;

    /// <summary>The first <paramref name="limit"/> eligible sentences, in order.</summary>
    public static List<SummaryCandidate> From(string title, ArticleSentences article, int limit)
    {
        var cleanedText = article.Text;
        var candidates = new List<SummaryCandidate>(limit);
        var words = new StemIds();
        var titleWords = words.Of(title);
        var sentences = new List<string>();
        var at = 0;
        while (at <= cleanedText.Length && candidates.Count < limit)
        {
            var end = cleanedText.IndexOf('\n', at);
            if (end < 0) end = cleanedText.Length;
            var raw = cleanedText.AsSpan(at, end - at);
            var line = raw.Trim();
            var lineStart = at + (raw.Length - raw.TrimStart().Length);
            at = end + 1;
            if (line.Length == 0 || line[0] == '|') continue;
            var bullet = BulletLength(line);
            // The line's sentences straight from the text: splitting a range copies no line.
            sentences.Clear();
            article.Split(lineStart + bullet, line.Length - bullet, sentences);
            foreach (var sentence in sentences)
            {
                if (!IsEligible(sentence, titleWords, words, out var sentenceWords)) continue;
                candidates.Add(new SummaryCandidate(sentence, candidates.Count, Score(sentence, candidates.Count, bullet > 0), sentenceWords));
                if (candidates.Count == limit) break;
            }
        }
        return candidates;
    }

    /// <summary>A sentence as a candidate reads it: trimmed, without a leading list bullet.</summary>
    public static string WithoutBullet(string sentence)
    {
        var trimmed = sentence.Trim();
        return trimmed[BulletLength(trimmed)..];
    }

    /// <summary>Length of a leading list bullet ("- ", "• ", "* ", "– " and the spaces after it), or 0.</summary>
    private static int BulletLength(ReadOnlySpan<char> line)
    {
        foreach (var m in BulletMark().EnumerateMatches(line)) return m.Length;
        return 0;
    }

    /// <summary>Two sentences telling the same thing (the standfirst repeated in the first paragraph).</summary>
    public static bool Overlaps(SummaryCandidate a, SummaryCandidate b)
    {
        var (wa, wb) = (a.Words, b.Words);
        if (wa.Length == 0 || wb.Length == 0) return false;
        return Shared(wa, wb) >= 0.6 * Math.Min(wa.Length, wb.Length);
    }

    private static bool IsEligible(string sentence, int[] titleWords, StemIds stems, out int[] words)
    {
        words = [];
        if (sentence.Length < MinLength || !LineShape.EndsLikeSentence(sentence) || LineShape.IsMostlyUpperCase(sentence)) return false;
        if (FurniturePatterns.IsFurnitureSentence(sentence)) return false;
        words = stems.Of(sentence);
        if (titleWords.Length == 0) return true;
        // The headline again, perhaps with a full stop: most of its words are the title's.
        return words.Length == 0 || Shared(words, titleWords) < 0.8 * words.Length || words.Length > 2 * titleWords.Length;
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
        foreach (var m in Number().EnumerateMatches(sentence))
        {
            var from = Math.Max(0, m.Index - 12);
            if (Year().IsMatch(sentence.AsSpan(m.Index, m.Length)) || DateContext().IsMatch(sentence.AsSpan(from, Math.Min(sentence.Length, m.Index + m.Length + 12) - from)))
                continue;
            return true;
        }
        return CountWords().IsMatch(sentence);
    }

    /// <summary>How many words two sorted distinct word lists share.</summary>
    private static int Shared(int[] a, int[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return shared;
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
