using System.Text;
using AlertBot.Core.Articles;

namespace AlertBot.Tests.Articles;

public sealed class HtmlArticleExtractorTests
{
    [Theory]
    [InlineData("news-page", "North Korea sends 3,000 more troops to Russia, Seoul says")]
    [InlineData("div-soup-page", "Kim Jong Un confirms troops in Kursk")]
    public void Main_text_of_a_news_page_comes_out_without_navigation_sidebar_comments_or_share_bar(string page, string title)
    {
        var html = File.ReadAllText(ArticleTestFiles.FixturePath(page + ".html"));

        var article = HtmlArticleExtractor.Extract(html);

        Assert.Equal(title, article.Title);
        Assert.Equal(File.ReadAllLines(ArticleTestFiles.FixturePath(page + ".expected.txt")).Where(l => l.Length > 0), article.Text.Split('\n'));
    }

    [Fact]
    public void Extracting_an_html_file_by_path_uses_the_html_path()
    {
        var article = ArticleExtraction.FromFile(ArticleTestFiles.FixturePath("news-page.html"));

        Assert.StartsWith("North Korea has sent an additional 3,000 troops", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_content_fragment_keeps_its_paragraphs_and_drops_share_and_related_blocks()
    {
        const string html = "<p>Troops crossed the border at dawn on Monday, officials said, in the largest move so far.</p>"
            + "<div class=\"sharedaddy\"><h3>Share this:</h3><ul><li><a href=\"#\">Facebook</a></li><li><a href=\"#\">X</a></li></ul></div>"
            + "<p>About <b>3,000</b> soldiers took part &amp; more are expected, the ministry added in a statement.</p>"
            + "<div id=\"jp-relatedposts\"><h3>Related</h3><p><a href=\"/a\">Another story about something else entirely, with many words</a></p></div>";

        var text = HtmlArticleExtractor.CleanFragment("Troops cross the border", html);

        Assert.Equal(
            ["Troops crossed the border at dawn on Monday, officials said, in the largest move so far.",
             "About 3,000 soldiers took part & more are expected, the ministry added in a statement."],
            text.Split('\n'));
    }

    [Fact]
    public void Deeply_nested_page_does_not_crash_and_keeps_its_text()
    {
        const string shallow = "<p>The shallow paragraph says that the talks ended without agreement on Friday, officials said.</p>";
        const string deep = "<p>The deep paragraph adds that a new round of talks could start next month in Geneva, diplomats said.</p>";
        var html = "<html><body>" + shallow + string.Concat(Enumerable.Repeat("<div>", 100_000)) + deep
            + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>";

        var page = HtmlArticleExtractor.Extract(html);
        var fragment = HtmlArticleExtractor.CleanFragment("Talks", html);

        Assert.Contains("paragraph", page.Text, StringComparison.Ordinal);
        Assert.Contains("The shallow paragraph says", fragment, StringComparison.Ordinal);
        Assert.Contains("The deep paragraph adds", fragment, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_page_is_capped_and_still_answers()
    {
        var paragraph = "<p>Officials said the convoy, which carried food, fuel and medicine, reached the city late on Sunday night.</p>";
        var script = "<script>var data = \"" + new string('x', HtmlArticleExtractor.MaxHtmlChars) + "\";</script>";
        var html = "<html><head>" + script + "</head><body><article>" + string.Concat(Enumerable.Repeat(paragraph, 25_000)) + "</article></body></html>";

        var article = HtmlArticleExtractor.Extract(html);

        // The script does not count against the cap; the paragraphs past it are dropped.
        var lines = article.Text.Split('\n');
        Assert.InRange(lines.Length, 1000, HtmlArticleExtractor.MaxHtmlChars / paragraph.Length + 1);
        Assert.StartsWith("Officials said the convoy", lines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<<<>>><!--")]
    [InlineData("<html><body><p>unclosed <b>bold <i>italic")]
    [InlineData("\0\0\0binary\u0001\u0002")]
    [InlineData("<table><tr><td><table><tr><td>x</td></tr></table>")]
    public void Malformed_html_never_throws(string html)
    {
        var article = HtmlArticleExtractor.Extract(html);

        Assert.NotNull(article.Text);
        Assert.NotNull(article.Title);
    }

    [Fact]
    public void Charset_from_content_type_decodes_windows_1252_bytes()
    {
        var html = "<html><body><p>The café in Zürich said 3,000 visitors came, the owner said on Monday, with many more expected.</p></body></html>";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes(html);

        var article = HtmlArticleExtractor.Extract(bytes, "text/html; charset=windows-1252");

        Assert.Contains("café in Zürich", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Meta_charset_is_honoured_when_no_header_says_otherwise()
    {
        var html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Le président a confirmé l'envoi de troupes, selon le ministère, lundi soir.</p></body></html>";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes(html);

        Assert.Contains("président a confirmé", HtmlArticleExtractor.Extract(bytes, null).Text, StringComparison.Ordinal);
    }
}
