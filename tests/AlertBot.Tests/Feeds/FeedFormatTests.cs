using AlertBot.Core.Feeds;

namespace AlertBot.Tests.Feeds;

public sealed class FeedFormatTests
{
    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Rss_2_items_carry_every_field_with_extensions()
    {
        var feed = Fixture.Parse("rss2.xml", "https://news.example.org/rss.xml");
        Assert.Equal((FeedFormat.Rss, "2.0"), (feed.Format, feed.Version));
        Assert.Equal("World & Region News", feed.Title);
        Assert.Equal("https://news.example.org/", feed.Link);
        Assert.Equal("en-gb", feed.Language);
        Assert.Equal(Utc("2024-11-05T09:30:00Z"), feed.Updated);
        Assert.Equal(2, feed.Items.Count);

        var first = feed.Items[0];
        Assert.Equal("news-4711", first.Id);
        Assert.Equal("Troops deployed to the border", first.Title);
        Assert.Equal("https://news.example.org/2024/11/05/troops", first.Link);
        Assert.Equal(Utc("2024-11-05T08:15:00Z"), first.Published);
        Assert.Equal("Jane Reporter", first.Author);
        Assert.Equal("About 10,000 troops were sent.", first.Summary);
        Assert.Contains("<p>About <b>10,000</b> troops were sent, officials said.</p>", first.Content, StringComparison.Ordinal);
        Assert.Equal(["World", "Defence"], first.Categories);
        Assert.Equal(new FeedEnclosure("https://cdn.example.org/a.mp3", "audio/mpeg", 12345), first.Enclosures[0]);
        Assert.Equal("https://cdn.example.org/thumb.jpg", first.ImageUrl);
    }

    [Fact]
    public void Rss_permalink_guid_is_the_link_and_author_is_split_into_name_and_email()
    {
        var second = Fixture.Parse("rss2.xml").Items[1];
        Assert.Equal("https://news.example.org/2024/11/04/second", second.Link);
        Assert.Equal(Utc("2024-11-04T23:00:00Z"), second.Published);
        Assert.Equal(("News Desk", "desk@example.org"), (second.Author, second.AuthorEmail));
        Assert.Null(second.Content);
    }

    [Fact]
    public void Rss_1_rdf_items_beside_the_channel_are_read_with_dublin_core()
    {
        var feed = Fixture.Parse("rdf.xml");
        Assert.Equal((FeedFormat.Rdf, "1.0", "RDF Site"), (feed.Format, feed.Version, feed.Title));
        var item = Assert.Single(feed.Items);
        Assert.Equal("https://rdf.example.org/one", item.Id);
        Assert.Equal("First RDF item", item.Title);
        Assert.Equal(Utc("2024-11-05T09:00:00Z"), item.Published);
        Assert.Equal("R. Author", item.Author);
        Assert.Equal(["Science"], item.Categories);
    }

    [Fact]
    public void Rss_0_91_in_latin_1_is_read()
    {
        var feed = Fixture.Parse("rss091.xml");
        Assert.Equal((FeedFormat.Rss, "0.91", "windows-1252"), (feed.Format, feed.Version, feed.Encoding));
        Assert.Equal("http://old.example.org/legacy", Assert.Single(feed.Items).Link);
    }

    [Fact]
    public void Atom_text_constructs_come_out_as_plain_text_and_links_follow_nested_xml_base()
    {
        var feed = Fixture.Parse("atom.xml", "https://ignored.example/feed");
        Assert.Equal((FeedFormat.Atom, "1.0"), (feed.Format, feed.Version));
        Assert.Equal("Dev <Notes>", feed.Title);
        Assert.Equal("https://blog.example.com/", feed.Link);
        Assert.Equal(("Feed Owner", "owner@example.com"), (feed.Author, feed.AuthorEmail));

        var first = feed.Items[0];
        Assert.Equal("Parsing <XML> by hand", first.Title);
        Assert.Equal("https://blog.example.com/posts/parsing-xml", first.Link);
        Assert.Equal(Utc("2024-11-04T14:00:00Z"), first.Published);
        Assert.Equal(Utc("2024-11-05T09:30:00Z"), first.Updated);
        Assert.Equal("Alice", first.Author);
        Assert.Equal("A short teaser", first.Summary);
        Assert.Equal("<p>Full <b>text</b> here.</p>", first.Content);
        Assert.Equal(["xml"], first.Categories);
        Assert.Equal(new FeedEnclosure("https://cdn.example.com/talk.mp4", "video/mp4", 999), Assert.Single(first.Enclosures));
    }

    [Fact]
    public void Atom_xhtml_title_and_escaped_html_content_are_read()
    {
        var second = Fixture.Parse("atom.xml").Items[1];
        Assert.Equal("An xhtml title", second.Title);
        Assert.Equal("https://elsewhere.example.net/x", second.Link);
        Assert.Equal("<p>Escaped &amp; HTML</p>", second.Content);
        Assert.Equal("Escaped & HTML", second.Summary);
        Assert.Null(second.Published);
    }

    [Fact]
    public void Json_feed_1_1_items_resolve_urls_against_the_home_page()
    {
        var feed = Fixture.Parse("jsonfeed.json");
        Assert.Equal((FeedFormat.Json, "1.1", "JSON Feed Example", "J. Son"), (feed.Format, feed.Version, feed.Title, feed.Author));
        var first = feed.Items[0];
        Assert.Equal("https://json.example.org/posts/1", first.Link);
        Assert.Equal("Hello & welcome", first.Title);
        Assert.Equal(Utc("2024-11-05T06:00:00Z"), first.Published);
        Assert.Equal(["intro", "json"], first.Categories);
        Assert.Equal(new FeedEnclosure("https://json.example.org/a.mp3", "audio/mpeg", 42), Assert.Single(first.Enclosures));
        Assert.Equal(("2", "Plain text only"), (feed.Items[1].Id, feed.Items[1].Summary));
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel><title>T</title></channel></rss>", FeedFormat.Rss)]
    [InlineData("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"><channel><title>T</title></channel></rdf:RDF>", FeedFormat.Rdf)]
    [InlineData("<feed xmlns=\"http://purl.org/atom/ns#\" version=\"0.3\"><title>T</title></feed>", FeedFormat.Atom)]
    [InlineData("\n\n  <?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title></feed>", FeedFormat.Atom)]
    [InlineData("{\"version\":\"https://jsonfeed.org/version/1\",\"title\":\"T\",\"items\":[]}", FeedFormat.Json)]
    public void Format_is_detected_from_the_document(string document, FeedFormat format)
    {
        var feed = Fixture.Ok(Fixture.ParseText(document));
        Assert.Equal((format, "T"), (feed.Format, feed.Title));
    }
}
