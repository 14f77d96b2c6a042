using System.Text;
using AlertBot.Core.Text;

namespace AlertBot.Core.Articles;

/// <summary>
/// The cheap path for the markup most feeds carry as an item's content: paragraphs, headings, lists, line breaks and
/// inline emphasis and links, properly nested. For such a fragment the HTML parser's tree is the literal tree, junk
/// removal finds nothing (no attribute names a class, role, style or hidden state), so its lines can be written
/// straight from the markup — with the same rules as <see cref="HtmlBlockWriter"/>, link-list blocks included — at a
/// fraction of the cost of building a DOM. Anything outside that subset (other elements, other attributes, an
/// implied end tag, mis-nesting, an entity it does not know) is declined, and the caller takes the full parser.
/// </summary>
internal static class SimpleHtmlFragment
{
    /// <summary>Longer fragments go through the full parser: the cheap path is for feed items.</summary>
    public const int MaxChars = 64 * 1024;

    private const int MaxDepth = 32;

    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "b", "strong", "i", "em", "u", "span", "small", "sub", "sup", "mark", "abbr", "cite",
    };

    /// <summary>Blocks that may hold other blocks; p and headings hold only inline content here.</summary>
    private static readonly HashSet<string> Containers = new(StringComparer.OrdinalIgnoreCase) { "div", "blockquote", "ul", "ol", "li" };

    private static readonly HashSet<string> Leaves = new(StringComparer.OrdinalIgnoreCase) { "p", "h1", "h2", "h3", "h4", "h5", "h6" };

    private static readonly HashSet<string> LinkAttributes = new(StringComparer.OrdinalIgnoreCase) { "href", "title", "rel", "target" };

    private static readonly Dictionary<string, string> Named = new(StringComparer.Ordinal)
    {
        ["amp"] = "&", ["lt"] = "<", ["gt"] = ">", ["quot"] = "\"", ["apos"] = "'", ["nbsp"] = "\u00A0",
        ["hellip"] = "…", ["mdash"] = "—", ["ndash"] = "–", ["lsquo"] = "‘", ["rsquo"] = "’", ["ldquo"] = "“",
        ["rdquo"] = "”", ["laquo"] = "«", ["raquo"] = "»", ["copy"] = "©", ["euro"] = "€", ["pound"] = "£", ["deg"] = "°",
    };

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> NamedLookup = Named.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> InlineLookup = Inline.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ContainerLookup = Containers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LeafLookup = Leaves.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LinkAttributeLookup = LinkAttributes.GetAlternateLookup<ReadOnlySpan<char>>();

    private sealed class Node(string name)
    {
        public readonly string Name = name;
        public readonly List<object> Children = [];
        public int TextLength;
        public int LinkLength;
    }

    /// <summary>The fragment's lines as the full parser and <see cref="HtmlBlockWriter"/> would give them, or null when it is not simple.</summary>
    public static List<string>? TryWriteLines(string html)
    {
        if (html.Length > MaxChars) return null;
        var body = Parse(html);
        if (body is null) return null;
        Measure(body);
        var lines = new List<string>();
        var buffer = Scratch(ref t_lineBuffer, html.Length);
        Write(body, lines, buffer);
        Flush(lines, buffer);
        return lines;
    }

    // One text and one line buffer per thread, sized to the fragment up front: a builder that grows chunk by chunk
    // and is cleared per line or text node allocates a new array each time (a few KB per article otherwise).
    [ThreadStatic] private static StringBuilder? t_textBuffer;
    [ThreadStatic] private static StringBuilder? t_lineBuffer;

    /// <summary>The thread's builder, empty, in one chunk that holds <paramref name="chars"/> (no fragment's text or line is longer than itself).</summary>
    private static StringBuilder Scratch(ref StringBuilder? cached, int chars)
    {
        if (cached is null || cached.Capacity < chars) cached = new StringBuilder(Math.Max(chars, 1024));
        cached.Clear();
        return cached;
    }

    private static Node? Parse(string html)
    {
        var body = new Node("body");
        var open = new List<Node> { body };
        var text = Scratch(ref t_textBuffer, html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '&')
            {
                var used = Entity(html, i, text);
                if (used < 0) return null;
                i += used;
                continue;
            }
            if (c == '\0') return null;
            if (c != '<')
            {
                var next = html.AsSpan(i).IndexOfAny('<', '&', '\0');
                var end = next < 0 ? html.Length : i + next;
                text.Append(html, i, end - i);
                i = end;
                continue;
            }
            if (i + 1 >= html.Length) return null;
            var n = html[i + 1];
            if (n == '!')
            {
                // Comments vanish (as the preprocessor drops them, joining the text around them); anything else is declined.
                if (string.CompareOrdinal(html, i, "<!--", 0, 4) != 0) return null;
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (close < 0) return null;
                i = close + 3;
                continue;
            }
            if (!char.IsAsciiLetter(n) && n != '/')
            {
                if (n == '?') return null; // a processing instruction is a bogus comment to the parser
                text.Append('<'); // "a < b", "<3": a bracket that opens no tag is text
                i++;
                continue;
            }
            var tagEnd = HtmlMarkup.TagEnd(html, i + 1, oddAtTagStart: true);
            if (tagEnd < 0) return null;
            FlushText(open[^1], text);
            if (!Tag(html.AsSpan(i + 1, tagEnd - i - 1), open)) return null;
            i = tagEnd + 1;
        }
        FlushText(open[^1], text);
        return body;
    }

    /// <summary>One tag (without its brackets) applied to the open elements; false when it leaves the simple subset.</summary>
    private static bool Tag(ReadOnlySpan<char> tag, List<Node> open)
    {
        var closing = tag[0] == '/';
        if (closing) tag = tag[1..];
        var length = 0;
        while (length < tag.Length && char.IsAsciiLetterOrDigit(tag[length])) length++;
        if (length == 0) return false;
        var name = tag[..length];
        var rest = tag[length..];
        var current = open[^1];
        if (closing)
        {
            if (!rest.IsWhiteSpace() || open.Count == 1 || !name.Equals(current.Name, StringComparison.OrdinalIgnoreCase)) return false;
            open.RemoveAt(open.Count - 1);
            return true;
        }
        if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
        {
            if (!rest.Trim().Trim('/').IsEmpty) return false;
            current.Children.Add(Br);
            return true;
        }
        if (rest.EndsWith("/")) return false; // a self-closed non-void element is an open tag in HTML
        var isInline = InlineLookup.Contains(name);
        if (isInline ? !Attributes(rest, link: name.Equals("a", StringComparison.OrdinalIgnoreCase)) : !rest.IsWhiteSpace()) return false;
        if (!isInline)
        {
            // A block opens only where the parser would not close anything first: inside body or a container, and
            // a list item only directly inside its list.
            var container = current.Name == "body" || ContainerLookup.Contains(current.Name);
            if (!container || !(ContainerLookup.Contains(name) || LeafLookup.Contains(name))) return false;
            var item = name.Equals("li", StringComparison.OrdinalIgnoreCase);
            if (item != (current.Name is "ul" or "ol")) return false;
        }
        else if (name.Equals("a", StringComparison.OrdinalIgnoreCase) && open.Exists(o => o.Name == "a")) return false;
        if (open.Count > MaxDepth) return false;
        var element = new Node(name.ToString().ToLowerInvariant());
        current.Children.Add(element);
        open.Add(element);
        return true;
    }

    private static readonly Node Br = new("br");

    /// <summary>Attributes of an inline element: none, or on a link only href, title, rel and target.</summary>
    private static bool Attributes(ReadOnlySpan<char> rest, bool link)
    {
        rest = rest.Trim();
        while (!rest.IsEmpty)
        {
            if (!link) return false;
            var nameEnd = 0;
            while (nameEnd < rest.Length && (char.IsAsciiLetter(rest[nameEnd]) || rest[nameEnd] == '-')) nameEnd++;
            if (nameEnd == 0 || !LinkAttributeLookup.Contains(rest[..nameEnd])) return false;
            rest = rest[nameEnd..].TrimStart();
            if (rest.IsEmpty) return true;
            if (rest[0] != '=') continue;
            rest = rest[1..].TrimStart();
            if (rest.IsEmpty) return false;
            var quote = rest[0];
            int valueEnd;
            if (quote is '"' or '\'')
            {
                valueEnd = rest[1..].IndexOf(quote);
                if (valueEnd < 0) return false;
                rest = rest[(valueEnd + 2)..];
            }
            else
            {
                valueEnd = rest.IndexOfAny(' ', '\t', '\n');
                rest = valueEnd < 0 ? [] : rest[valueEnd..];
            }
            if (!rest.IsEmpty && !char.IsWhiteSpace(rest[0])) return false;
            rest = rest.TrimStart();
        }
        return true;
    }

    /// <summary>Decodes the reference at <paramref name="at"/>; the characters used, or -1 when the parser might read it differently.</summary>
    private static int Entity(string html, int at, StringBuilder text)
    {
        var next = at + 1 < html.Length ? html[at + 1] : ' ';
        if (!char.IsAsciiLetterOrDigit(next) && next != '#')
        {
            text.Append('&'); // a bare ampersand ("R & D")
            return 1;
        }
        var semi = html.IndexOf(';', at + 1, Math.Min(12, html.Length - at - 1));
        if (semi < 0) return -1;
        var body = html.AsSpan(at + 1, semi - at - 1);
        if (body.Length > 1 && body[0] == '#')
        {
            var hex = body[1] is 'x' or 'X';
            var digits = body[(hex ? 2 : 1)..];
            if (!int.TryParse(digits, hex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var code)) return -1;
            // Plain printable characters only: controls, windows-1252 remaps, surrogates and non-characters are the parser's.
            if (!(code is 0x09 or 0x0A or (>= 0x20 and <= 0x7E) or (>= 0xA0 and <= 0xD7FF) or (>= 0xE000 and <= 0xFDCF) or (>= 0xFDF0 and <= 0xFFFD))) return -1;
            text.Append((char)code);
            return semi - at + 1;
        }
        if (!NamedLookup.TryGetValue(body, out var decoded)) return -1;
        text.Append(decoded);
        return semi - at + 1;
    }

    private static void FlushText(Node parent, StringBuilder text)
    {
        if (text.Length == 0) return;
        // Adjacent text (around a comment or an entity) is one text node, as in the parsed tree.
        if (parent.Children.Count > 0 && parent.Children[^1] is string previous) parent.Children[^1] = previous + text.ToString();
        else parent.Children.Add(text.ToString());
        text.Clear();
    }

    /// <summary>Text and link-text lengths of every element, as <see cref="HtmlTextStats"/> counts them.</summary>
    private static void Measure(Node node)
    {
        int text = 0, link = 0;
        foreach (var child in node.Children)
        {
            if (child is string s) text += HtmlTextStats.VisibleLength(s);
            else if (child is Node e && e != Br)
            {
                Measure(e);
                text += e.TextLength;
                link += e.LinkLength;
            }
        }
        node.TextLength = text;
        node.LinkLength = node.Name == "a" ? text : link;
    }

    private static void Write(Node node, List<string> lines, StringBuilder buffer)
    {
        foreach (var child in node.Children)
        {
            if (child is string s) { buffer.Append(s); continue; }
            var element = (Node)child;
            if (element == Br) { Flush(lines, buffer); continue; }
            var block = HtmlElements.IsBlock(element.Name);
            if (block)
            {
                Flush(lines, buffer);
                if (IsLinkList(element)) continue;
                if (element.Name == "li") buffer.Append("- ");
            }
            Write(element, lines, buffer);
            if (block) Flush(lines, buffer);
        }
    }

    private static bool IsLinkList(Node element) =>
        element.Name is "p" or "div" or "ul" or "ol" or "li"
        && element.TextLength > 0 && (double)element.LinkLength / element.TextLength > 0.6 && element.TextLength < 300;

    private static void Flush(List<string> lines, StringBuilder buffer)
    {
        // Collapsed straight from the buffer's chunks: the same as collapsing buffer.ToString(), one string fewer per line.
        var writer = new PlainTextWriter(buffer.Length, lineBreaksAreText: false);
        foreach (var chunk in buffer.GetChunks()) writer.Text(chunk.Span);
        var line = writer.Finish();
        buffer.Clear();
        if (line.Length > 0 && line != "-") lines.Add(line);
    }
}
