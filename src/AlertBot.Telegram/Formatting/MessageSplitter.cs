namespace AlertBot.Telegram.Formatting;

/// <summary>
/// Splits plain text into messages. Splitting happens before escaping, so a chunk can never end
/// inside an HTML tag or an &amp;entity;. Preference: a line break, then a space, then a hard cut
/// that never separates the two halves of a surrogate pair.
/// </summary>
public static class MessageSplitter
{
    /// <summary>Telegram's limit for message text after entity parsing, in UTF-16 units.</summary>
    public const int MaxMessageLength = 4096;

    public static IReadOnlyList<string> Split(string text, int maxLength = MaxMessageLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var chunks = new List<string>();
        var rest = text.AsSpan().TrimEnd();
        while (rest.Length > 0)
        {
            if (rest.Length <= maxLength)
            {
                Add(chunks, rest);
                break;
            }
            var window = rest[..maxLength];
            var cut = window.LastIndexOf('\n');
            if (cut <= 0) cut = window.LastIndexOf(' ');
            int next;
            if (cut > 0)
            {
                next = cut + 1; // the separator itself is dropped
            }
            else
            {
                cut = maxLength;
                if (char.IsHighSurrogate(rest[cut - 1])) cut--;
                next = cut;
            }
            Add(chunks, rest[..cut]);
            rest = rest[next..].TrimStart('\n');
        }
        return chunks;
    }

    // Telegram rejects empty or whitespace-only text, so such pieces are dropped.
    private static void Add(List<string> chunks, ReadOnlySpan<char> piece)
    {
        var trimmed = piece.TrimEnd();
        if (!trimmed.IsWhiteSpace()) chunks.Add(trimmed.ToString());
    }
}
