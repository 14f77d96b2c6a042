using AlertBot.Core.Topics;

namespace AlertBot.Tests.Topics;

public sealed class OpmlTests
{
    [Fact]
    public void A_written_list_reads_back_with_its_urls_and_titles()
    {
        var text = Opml.Write("Floods & storms", [new OpmlFeed("https://a.example/feed?x=1&y=2", "A <news>"), new OpmlFeed("https://b.example/rss", null)]);

        var (feeds, error) = Opml.Read(text);

        Assert.Null(error);
        Assert.Equal([new OpmlFeed("https://a.example/feed?x=1&y=2", "A <news>"), new OpmlFeed("https://b.example/rss", "https://b.example/rss")], feeds);
        Assert.Contains("<title>Floods &amp; storms</title>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Feeds_in_nested_folders_are_found_and_outlines_without_a_feed_are_skipped()
    {
        var (feeds, _) = Opml.Read("""
            <opml version="1.0"><body><outline text="News"><outline text="One" xmlUrl="https://one.example/rss"/>
            <outline text="Folder"><outline title="Two" xmlUrl="https://two.example/atom"/></outline></outline></body></opml>
            """);

        Assert.Equal(["https://one.example/rss", "https://two.example/atom"], feeds!.Select(f => f.Url));
        Assert.Equal(["One", "Two"], feeds!.Select(f => f.Title));
    }

    [Fact]
    public void A_document_with_a_dtd_is_refused_and_no_entity_is_expanded()
    {
        var (feeds, error) = Opml.Read("""<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]><opml><body><outline xmlUrl="&x;"/></body></opml>""");

        Assert.Null(feeds);
        Assert.StartsWith("not valid OPML", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_opml_says_so()
    {
        Assert.Equal("not an OPML document (no <opml> root)", Opml.Read("<rss/>").Error);
    }
}
