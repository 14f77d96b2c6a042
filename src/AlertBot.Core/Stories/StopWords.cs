using System.Collections.Frozen;

namespace AlertBot.Core.Stories;

/// <summary>
/// Folded words that say nothing about which event a report is about: function words, reporting verbs and the
/// calendar words every report uses. They are left out of a report's terms (not of its shingles).
/// </summary>
internal static class StopWords
{
    // Frozen: looked up once for every word the stage reads.
    private static readonly FrozenSet<string> Words = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "either", "even", "ever", "every", "few", "for", "from", "further",
        "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however",
        "i", "if", "in", "into", "is", "it", "its", "itself", "just", "let", "may", "me", "might", "more", "most", "much",
        "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our",
        "ours", "ourselves", "out", "over", "own", "per", "same", "she", "should", "since", "so", "some", "still", "such",
        "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
        "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "were", "what",
        "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without",
        "would", "yet", "you", "your", "yours", "s", "t", "mr", "mrs", "ms", "dr", "amid", "among", "across", "around",
        "said", "says", "say", "saying", "told", "tells", "according", "reported", "reports", "report", "reporting",
        "news", "new", "latest", "today", "yesterday", "tomorrow", "tonight", "week", "weeks", "day", "days", "year",
        "years", "month", "months", "hour", "hours", "time", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "am", "pm", "local", "early", "late", "last", "next", "first", "two", "three", "many", "several", "people",
        "like", "get", "got", "go", "going", "make", "made", "take", "taken", "took", "come", "came", "set", "well",
        "back", "way", "thing", "things", "lot", "really", "already", "ago", "later", "earlier", "whose", "least",
        "updated", "update", "updates", "live", "breaking", "video", "watch", "read", "photo", "photos",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string folded) => Words.Contains(folded);
}
