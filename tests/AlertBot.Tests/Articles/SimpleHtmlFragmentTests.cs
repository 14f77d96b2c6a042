using System.Text;
using AlertBot.Core.Articles;

namespace AlertBot.Tests.Articles;

/// <summary>The cheap path for simple feed markup gives exactly the full parser's lines, and declines what it cannot read the same way.</summary>
public sealed class SimpleHtmlFragmentTests
{
    [Theory]
    [InlineData("<p>Troops crossed the border at dawn, officials said.</p><p>About <b>3,000</b> soldiers took part &amp; more are expected.</p>")]
    [InlineData("<p>One</p>\n\n<p>Two &ndash; three&nbsp;four &#8217;five&#x2019; R & D &lt;tag&gt;</p>")]
    [InlineData("Text before <p>a paragraph</p> text after<br>and after a break<br/>end")]
    [InlineData("<h2>Heading</h2><ul><li>first item</li><li>second <em>item</em></li></ul><ol><li>third</li></ol>")]
    [InlineData("<div><p>Inside a div.</p><blockquote><p>A quote, said someone.</p></blockquote></div>")]
    [InlineData("<p>Read the <a href=\"https://example.com/a?b=1&amp;c=2\" title='x > y' rel=nofollow target=_blank>full report</a> here, which is long enough not to be a link list.</p>")]
    [InlineData("<ul><li><a href=\"/a\">Facebook</a></li><li><a href=\"/b\">X</a></li></ul><p>Real text of the article goes here.</p>")]
    [InlineData("<p><a href=\"/a\">Another story about something else entirely</a></p><p>Short</p>")]
    [InlineData("<p>a < b and 1<2, <3 hearts</p>")]
    [InlineData("<p>Split<!-- a comment -->word and   spaced\ttext\r\nacross lines</p>")]
    [InlineData("<P>Upper-case <STRONG>tags</STRONG></P><SPAN>span</SPAN>")]
    [InlineData("<p>unclosed at the end <b>bold")]
    [InlineData("<ul>\n  <li>- dash item</li>\n  <li></li>\n</ul>")]
    public void Simple_markup_takes_the_cheap_path_and_gives_the_parsers_lines(string html)
    {
        var simple = SimpleHtmlFragment.TryWriteLines(html);

        Assert.NotNull(simple);
        Assert.Equal(HtmlArticleExtractor.FragmentLinesWithParser(html), simple);
    }

    [Theory]
    [InlineData("<p class=\"lead\">Styled paragraph</p>")]
    [InlineData("<p>First<p>Second without closing the first</p>")]
    [InlineData("<p>Block <div>inside a paragraph</div></p>")]
    [InlineData("<b>bold <i>misnested</b> italic</i>")]
    [InlineData("<p>An image <img src=\"a.jpg\"> here</p>")]
    [InlineData("<table><tr><td>a</td><td>b</td></tr></table>")]
    [InlineData("<p>Unknown entity &hearts; here</p>")]
    [InlineData("<p>Legacy entity &copy without a semicolon</p>")]
    [InlineData("<p>Control reference &#13; here</p>")]
    [InlineData("<p>Windows-1252 reference &#150; here</p>")]
    [InlineData("<div hidden>Hidden</div>")]
    [InlineData("<span style=\"display:none\">gone</span>")]
    [InlineData("<li>Item outside a list</li>")]
    [InlineData("<a href=\"/a\">outer <a href=\"/b\">inner</a></a>")]
    [InlineData("<p/>Self-closed paragraph")]
    [InlineData("<script>alert(1)</script><p>Text</p>")]
    [InlineData("<p>Processing <?php echo 1; ?> instruction</p>")]
    [InlineData("<p>Stray close</span></p>")]
    public void Markup_outside_the_simple_subset_is_declined(string html)
    {
        Assert.Null(SimpleHtmlFragment.TryWriteLines(html));
    }

    [Fact]
    public void Cleaning_a_feed_fragment_is_the_same_whichever_path_reads_it()
    {
        const string html = "<p>Troops crossed the border at dawn on Monday, officials said, in the largest move so far.</p>"
            + "<ul><li><a href=\"#\">Facebook</a></li><li><a href=\"#\">X</a></li></ul><p>Share this article</p>"
            + "<p>About <b>3,000</b> soldiers took part &amp; more are expected, the ministry added in a statement.</p><p>Related posts</p>";

        Assert.NotNull(SimpleHtmlFragment.TryWriteLines(html));
        Assert.Equal(HtmlArticleExtractor.CleanFragmentWithParser("Troops cross", html), HtmlArticleExtractor.CleanFragment("Troops cross", html));
    }

    /// <summary>
    /// Thousands of generated fragments, nested and mis-nested, with entities, comments, stray brackets and links: every
    /// one the cheap path accepts must give the parser's lines exactly, and both acceptance and refusal must occur.
    /// </summary>
    [Fact]
    public void Generated_fragments_accepted_by_the_cheap_path_match_the_parser_exactly()
    {
        var random = new Random(20261130);
        int accepted = 0, declined = 0;
        for (var n = 0; n < 6000; n++)
        {
            var html = Generate(random, depth: 0, budget: 12);
            var simple = SimpleHtmlFragment.TryWriteLines(html);
            if (simple is null) { declined++; continue; }
            accepted++;
            Assert.True(HtmlArticleExtractor.FragmentLinesWithParser(html)!.SequenceEqual(simple), $"Lines differ for: {html}");
        }
        Assert.True(accepted > 800, $"accepted {accepted}");
        Assert.True(declined > 800, $"declined {declined}");
    }

    private static readonly string[] Words =
        ["troops", "3,000", "said", "the", "Ministry", "&amp;", "&nbsp;", "&#8217;", "&rsquo;", "R & D", "a < b", "<3", "  ", "\n", "\t",
         "&hearts;", "&copy", "&#150;", "<!-- note -->", "- ", "|", "Related posts", "Share this article"];

    private static readonly string[] Tags =
        ["p", "div", "ul", "ol", "li", "h2", "blockquote", "b", "i", "em", "strong", "span", "a", "small", "img", "table", "section", "font"];

    private static string Generate(Random random, int depth, int budget, bool list = false)
    {
        var sb = new StringBuilder();
        var parts = random.Next(1, 5);
        for (var k = 0; k < parts && budget > 0; k++, budget--)
        {
            switch (random.Next(6))
            {
                case 0:
                case 1:
                    for (var w = random.Next(1, 8); w > 0; w--) sb.Append(Words[random.Next(Words.Length)]).Append(random.Next(3) == 0 ? "" : " ");
                    break;
                case 2:
                    sb.Append(random.Next(4) == 0 ? "<br/>" : "<br>");
                    break;
                default:
                    var tag = list && random.Next(5) > 0 ? "li" : Tags[random.Next(Tags.Length)];
                    var attributes = tag == "a" ? (random.Next(3) == 0 ? " href=\"/x?a=1&amp;b=2\"" : random.Next(2) == 0 ? " class=\"more\"" : " href='/y'") : random.Next(8) == 0 ? " class=\"c\"" : "";
                    sb.Append('<').Append(tag).Append(attributes).Append('>');
                    if (depth < 4) sb.Append(Generate(random, depth + 1, budget / 2, list: tag is "ul" or "ol"));
                    // Sometimes leave it open (an implied end) or close another element (mis-nesting).
                    var close = random.Next(10) switch { 0 => null, 1 => Tags[random.Next(Tags.Length)], _ => tag };
                    if (close is not null) sb.Append("</").Append(close).Append('>');
                    break;
            }
        }
        return sb.ToString();
    }
}
