using System.Text;

namespace AlertBot.Telegram.Formatting;

/// <summary>Escaping for Telegram's HTML parse mode, where only &lt; &gt; &amp; &quot; are named entities.</summary>
public static class TelegramHtml
{
    /// <summary>U+2060 WORD JOINER: invisible, but stops "@name" from being read as a mention that notifies.</summary>
    public const char WordJoiner = '\u2060';

    /// <summary>Escapes text content: &amp; first, then &lt; and &gt;.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Escapes a value that goes inside <c>href="..."</c>: text escaping plus the quote.</summary>
    public static string EscapeAttribute(string? value) => Escape(value).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>
    /// Breaks every "@username" in untrusted text by putting a word joiner after the '@', so that a
    /// feed cannot make the bot ping a member of a group. The text looks the same to a reader.
    /// </summary>
    public static string BreakMentions(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('@', StringComparison.Ordinal)) return text ?? "";
        var sb = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            sb.Append(text[i]);
            if (text[i] == '@' && i + 1 < text.Length && IsUsernameChar(text[i + 1])) sb.Append(WordJoiner);
        }
        return sb.ToString();
    }

    /// <summary>An http(s) link that may go into an href, or null.</summary>
    public static string? SafeHref(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    /// <summary>Cuts plain text to at most <paramref name="max"/> UTF-16 units, never between a surrogate pair, ending with "…" when cut.</summary>
    public static string Truncate(string? text, int max)
    {
        if (string.IsNullOrEmpty(text) || text.Length <= max) return text ?? "";
        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut].TrimEnd() + "…";
    }

    private static bool IsUsernameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
