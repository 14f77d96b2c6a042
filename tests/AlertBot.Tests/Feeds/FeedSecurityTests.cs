using System.Text;
using AlertBot.Core.Feeds;

namespace AlertBot.Tests.Feeds;

/// <summary>Hostile documents neither expand, nor read files, nor exhaust the stack or memory.</summary>
public sealed class FeedSecurityTests
{
    [Fact]
    public void Billion_laughs_is_not_expanded()
    {
        var doc = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
            doc.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">");
        doc.Append("]><rss><channel><title>&lol9;</title><item><title>x</title></item></channel></rss>");
        var feed = Fixture.Ok(Fixture.ParseText(doc.ToString()));
        Assert.Equal("&lol9;", feed.Title);
    }

    [Fact]
    public void External_entities_never_read_a_file()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"alertbot-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");
        try
        {
            var doc = $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://{secret}\">]>"
                + "<rss><channel><title>&xxe;</title><item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>";
            var result = Fixture.ParseText(doc);
            Assert.DoesNotContain("TOP-SECRET", FeedJson.Render(Fixture.Ok(result)), StringComparison.Ordinal);
            Assert.Equal("&xxe;", result.Feed!.Title);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Deep_nesting_is_capped_without_exhausting_the_stack()
    {
        var depth = 200_000;
        var doc = "<rss><channel><title>Deep</title><item><title>ok</title></item>" + string.Concat(Enumerable.Repeat("<x>", depth)) + "</channel></rss>";
        var result = Fixture.ParseText(doc);
        Assert.Equal("ok", Fixture.Ok(result).Items[0].Title);
        Assert.Contains(result.Warnings, w => w.Contains("nesting", StringComparison.Ordinal));
    }

    [Fact]
    public void Item_count_is_capped()
    {
        var doc = "<rss><channel>" + string.Concat(Enumerable.Repeat("<item><title>t</title></item>", 60)) + "</channel></rss>";
        var result = FeedParser.Parse(Encoding.UTF8.GetBytes(doc), null, null, new FeedParserOptions { MaxItems = 50 });
        Assert.Equal(50, Fixture.Ok(result).Items.Count);
        Assert.Contains(result.Warnings, w => w.Contains("first 50 items", StringComparison.Ordinal));
    }

    [Fact]
    public void Documents_over_the_size_cap_are_refused()
    {
        var result = FeedParser.Parse(new byte[2 * 1024 * 1024], null, null, new FeedParserOptions { MaxBytes = 1024 * 1024 });
        Assert.Null(result.Feed);
        Assert.Contains("larger than the 1 MiB limit", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("  JavaScript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("vbscript:msgbox")]
    public void Script_links_are_dropped(string link)
    {
        var item = Fixture.Ok(Fixture.ParseText($"<rss><channel><item><title>t</title><link>{link}</link></item></channel></rss>")).Items[0];
        Assert.Null(item.Link);
    }

    [Fact]
    public void A_script_xml_base_is_not_used_for_resolution()
    {
        var doc = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"javascript:evil/\"><entry><link href=\"/post\"/></entry></feed>";
        Assert.Equal("https://safe.example/post", Fixture.Ok(Fixture.ParseText(doc, "https://safe.example/feed")).Items[0].Link);
    }
}
