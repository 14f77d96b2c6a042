using System.Globalization;
using System.Text;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;

namespace AlertBot.Core.Commands;

/// <summary>Small pieces of reply text several command groups share, and the one way user input is echoed.</summary>
public static class ReplyText
{
    /// <summary>How much of a user's input an error reply quotes back.</summary>
    public const int EchoLength = 60;

    /// <summary>
    /// User input as a reply may quote it: bidi controls, zero-width and other invisible characters removed (they
    /// could reorder or hide the text around them), line breaks and runs of spaces made one space, and cut to
    /// <paramref name="max"/> characters with an ellipsis. Platform escaping still happens in the adapter.
    /// </summary>
    public static string Echo(string input, int max = EchoLength)
    {
        var sb = new StringBuilder(Math.Min(input.Length, max * 2));
        var space = false;
        foreach (var rune in input.EnumerateRunes())
        {
            if (IsInvisible(rune)) continue;
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(rune.ToString());
        }
        var text = sb.ToString();
        var elements = StringInfo.ParseCombiningCharacters(text);
        return elements.Length <= max ? text : text[..elements[max]].TrimEnd() + "…";
    }

    /// <summary>A query shown back in a confirmation or an error, in quotes unless it carries its own (a phrase).</summary>
    public static string Quoted(Query query) =>
        query.Normalized.Contains('"', StringComparison.Ordinal) ? Echo(query.Normalized) : $"\"{Echo(query.Normalized)}\"";

    /// <summary>"That query has a problem: …" (the parser's message may quote a word of the query).</summary>
    public static string QueryProblem(string? error) => $"That query has a problem: {Echo(error ?? "", 200)}.";

    /// <summary>"Known topics: a, b." for replies to a topic id that does not exist.</summary>
    public static string KnownTopics(IReadOnlyList<TopicRecord> topics) =>
        topics.Count == 0 ? "No topics are watched yet." : "Known topics: " + string.Join(", ", topics.Select(t => t.Id)) + ".";

    /// <summary>"There is no topic 'x'. Known topics: …" with the typed id echoed safely.</summary>
    public static string NoSuchTopic(string typed, IReadOnlyList<TopicRecord> topics) =>
        $"There is no topic '{Echo(typed)}'. {KnownTopics(topics)}";

    /// <summary>Format characters (bidi embeddings, overrides and isolates, marks, zero-width joiners and spaces, BOM,
    /// soft hyphen) and the blank fillers some scripts have.</summary>
    private static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format ||
        rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0x034F or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);
}
