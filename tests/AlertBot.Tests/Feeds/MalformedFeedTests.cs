using AlertBot.Core.Feeds;

namespace AlertBot.Tests.Feeds;

/// <summary>Broken documents a person could still read are recovered, with a warning; the rest get a clear error.</summary>
public sealed class MalformedFeedTests
{
    private const string Head = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Broken</title>";

    [Theory]
    [InlineData("unescaped ampersand", Head + "<item><title>Tom & Jerry</title><link>http://x.example/?a=1&b=2</link></item></channel></rss>", "Tom & Jerry", "http://x.example/?a=1&b=2")]
    [InlineData("stray less-than", Head + "<item><title>1 < 2 is true</title><link>http://x.example/1</link></item></channel></rss>", "1 < 2 is true", "http://x.example/1")]
    [InlineData("undefined entity", Head + "<item><title>Caf&eacute; &bogus; news</title><link>http://x.example/2</link></item></channel></rss>", "Café &bogus; news", "http://x.example/2")]
    [InlineData("truncated document", Head + "<item><title>Complete</title><link>http://x.example/3</link></item><item><title>Cut off", "Complete", "http://x.example/3")]
    [InlineData("trailing garbage", Head + "<item><title>Fine</title><link>http://x.example/4</link></item></channel></rss>\0\0<html>garbage</html>", "Fine", "http://x.example/4")]
    [InlineData("mismatched end tag", Head + "<item><title>Mismatch</titel><link>http://x.example/5</link></item></channel></rss>", "Mismatch", "http://x.example/5")]
    [InlineData("unclosed cdata", Head + "<item><title>Open</title><link>http://x.example/6</link><description><![CDATA[never closed", "Open", "http://x.example/6")]
    [InlineData("doctype with html entities", "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\"><rss version=\"0.91\"><channel><title>Broken</title><item><title>&copy; 2024 &mdash; ok</title><link>http://x.example/7</link></item></channel></rss>", "© 2024 — ok", "http://x.example/7")]
    public void Malformed_xml_is_recovered_where_a_person_could_read_the_items(string problem, string document, string title, string link)
    {
        var result = Fixture.ParseText(document);
        var feed = Fixture.Ok(result);
        Assert.Equal("Broken", feed.Title);
        Assert.True(feed.Items.Count >= 1, problem);
        Assert.Equal(title, feed.Items[0].Title);
        Assert.Equal(link, feed.Items[0].Link);
    }

    [Theory]
    [InlineData("<rss><channel><title>A & B</title></channel></rss>")]
    [InlineData("<rss><channel><title>A</title></channel>")]
    [InlineData("<rss><channel><title>A</wrong></channel></rss>")]
    public void Recovered_documents_carry_a_warning(string document)
    {
        var result = Fixture.ParseText(document);
        Assert.Equal("A", Fixture.Ok(result).Title?[..1]);
        Assert.NotEmpty(result.Warnings);
    }

    [Fact]
    public void A_well_formed_feed_has_no_warnings() => Assert.Empty(FeedParser.Parse(Fixture.Bytes("rss2.xml")).Warnings);

    [Theory]
    [InlineData("", "the document is empty")]
    [InlineData("   \n\t ", "the document is empty")]
    [InlineData("just some words", "neither XML nor JSON")]
    [InlineData("<?xml version=\"1.0\"?><opml version=\"2.0\"><body/></opml>", "root element is <opml>")]
    [InlineData("{\"hello\": \"world\"}", "not a JSON Feed")]
    [InlineData("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [", "the JSON is malformed")]
    [InlineData("<!-- only a comment -->", "contains no XML elements")]
    [InlineData("<!DOCTYPE html><html><head><title>Shop</title></head><body>Buy</body></html>", "the server returned an HTML page")]
    public void Unreadable_documents_get_a_clear_error_instead_of_an_exception(string document, string reason)
    {
        var result = Fixture.ParseText(document);
        Assert.Null(result.Feed);
        Assert.StartsWith("not a feed: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(20261121);
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 2000)];
            random.NextBytes(bytes);
            if (i % 3 == 0 && bytes.Length >= 27) "<rss><channel><item><title>"u8.CopyTo(bytes);
            var result = FeedParser.Parse(bytes);
            Assert.True(result.Feed is not null ^ result.Error is not null);
        }
    }

    [Fact]
    public void Every_prefix_of_a_feed_parses_without_throwing_and_keeps_the_complete_items()
    {
        var bytes = Fixture.Bytes("atom.xml");
        var complete = FeedParser.Parse(bytes).Feed!.Items[0].Title;
        var endOfFirstEntry = System.Text.Encoding.UTF8.GetString(bytes).IndexOf("</entry>", StringComparison.Ordinal) + 8;
        for (var length = 0; length <= bytes.Length; length += 7)
        {
            var result = FeedParser.Parse(bytes.AsSpan(0, length));
            if (length >= endOfFirstEntry) Assert.Equal(complete, result.Feed?.Items[0].Title);
        }
    }
}
