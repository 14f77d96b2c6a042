using System.Text;

namespace AlertBot.Discord.Alerts;

/// <summary>Escaping and length limits for text that came from feeds or users. Pure.</summary>
internal static class DiscordText
{
    public const string Ellipsis = "…";

    /// <summary>
    /// Makes text literal in Discord markdown: markdown characters and masked-link brackets get a backslash, a '&lt;'
    /// can't open a mention or channel/timestamp tag, and @everyone/@here are broken with a zero-width space so
    /// they never ping even if allowed_mentions were forgotten.
    /// </summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']' or '<':
                    sb.Append('\\').Append(c);
                    break;
                // Headings, quotes and list markers only mean something at the start of a line.
                case '#' or '>' or '-' when lineStart:
                    sb.Append('\\').Append(c);
                    break;
                case '@' when Starts(text, i + 1, "everyone") || Starts(text, i + 1, "here"):
                    sb.Append('@').Append('\u200B');
                    break;
                default:
                    sb.Append(c);
                    break;
            }

            if (c == '\n')
            {
                lineStart = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                lineStart = false;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// At most <paramref name="max"/> chars (UTF-16, never below Discord's count), cut on a word boundary when one
    /// is near, ending in "…". Never leaves half a surrogate pair or a dangling escape backslash.
    /// </summary>
    public static string Trim(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        if (max <= Ellipsis.Length)
        {
            return Ellipsis[..max];
        }

        var cut = CutPoint(text, max - Ellipsis.Length);
        return text[..cut].TrimEnd(' ', '\n', '\t', ',', ';', ':', '-') + Ellipsis;
    }

    /// <summary>Splits into chunks of at most <paramref name="max"/> chars: paragraph, then line, then word, then hard cut.</summary>
    public static IReadOnlyList<string> Split(string text, int max)
    {
        var chunks = new List<string>();
        var rest = text.Trim();
        while (rest.Length > max)
        {
            var window = rest[..max];
            var cut = window.LastIndexOf("\n\n", StringComparison.Ordinal);
            if (cut < max / 2)
            {
                cut = window.LastIndexOf('\n');
            }

            if (cut < max / 2)
            {
                cut = CutPoint(rest, max);
            }

            chunks.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            chunks.Add(rest);
        }

        return chunks;
    }

    /// <summary>Where to cut so the first part has at most <paramref name="limit"/> chars.</summary>
    private static int CutPoint(string text, int limit)
    {
        var space = text.LastIndexOf(' ', limit);
        var cut = space >= limit / 2 ? space : limit;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        // An odd run of backslashes before the cut means the last one would escape whatever follows.
        var slashes = 0;
        while (cut - slashes - 1 >= 0 && text[cut - slashes - 1] == '\\')
        {
            slashes++;
        }

        return slashes % 2 == 1 ? cut - 1 : cut;
    }

    private static bool Starts(string text, int index, string word) =>
        string.CompareOrdinal(text, index, word, 0, word.Length) == 0 &&
        (index + word.Length >= text.Length || !char.IsLetterOrDigit(text[index + word.Length]));
}
