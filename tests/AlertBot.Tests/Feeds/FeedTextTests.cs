namespace AlertBot.Tests.Feeds;

/// <summary>Titles come out as plain text however the feed escaped them.</summary>
public sealed class FeedTextTests
{
    [Theory]
    [InlineData("Fish &amp; Chips", "Fish & Chips")]
    [InlineData("Fish &amp;amp; Chips", "Fish & Chips")]
    [InlineData("<![CDATA[Fish & Chips]]>", "Fish & Chips")]
    [InlineData("<![CDATA[<b>Bold</b> claim]]>", "Bold claim")]
    [InlineData("&lt;b&gt;Bold&lt;/b&gt; claim", "Bold claim")]
    [InlineData("Caf&eacute; &#8211; &#x2014; &hellip;", "Café – — …")]
    [InlineData("&#8220;Quoted&#8221; &nbsp;text", "“Quoted” text")]
    [InlineData("  Lots   of\n\t space  ", "Lots of space")]
    [InlineData("Price &#128;5", "Price €5")]
    [InlineData("5 &lt; 6", "5 < 6")]
    [InlineData("<![CDATA[x]]> and <![CDATA[y]]>", "x and y")]
    [InlineData("AT&amp;amp;T &amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt;", "AT&T bold")]
    [InlineData("&amp;lt;p&amp;gt;Tom &amp;amp;amp; Jerry&amp;lt;/p&amp;gt;", "Tom & Jerry")]
    [InlineData("Breaking&amp;lt;br/&amp;gt;News", "Breaking News")]
    [InlineData("a &amp;lt; b", "a < b")]
    [InlineData("x &amp;lt;3 y", "x <3 y")]
    [InlineData("if a&amp;lt;b and c&amp;gt;d", "if a<b and c>d")]
    [InlineData("Use &amp;lt;title&amp;gt; wisely", "Use <title> wisely")]
    public void Rss_titles_are_plain_text(string raw, string title) =>
        Assert.Equal(title, Fixture.Ok(Fixture.ParseText($"<rss><channel><item><title>{raw}</title></item></channel></rss>")).Items[0].Title);

    [Theory]
    [InlineData("text", "AT&amp;T &lt;rocks&gt;", "AT&T <rocks>")]
    [InlineData("html", "AT&amp;amp;T &lt;b&gt;rocks&lt;/b&gt;", "AT&T rocks")]
    [InlineData("xhtml", "<div xmlns=\"http://www.w3.org/1999/xhtml\">AT&amp;T <b>rocks</b></div>", "AT&T rocks")]
    public void Atom_titles_of_every_type_are_plain_text(string type, string raw, string title) =>
        Assert.Equal(title, Fixture.Ok(Fixture.ParseText($"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title type=\"{type}\">{raw}</title></entry></feed>")).Items[0].Title);

    [Fact]
    public void Summaries_drop_scripts_and_keep_paragraph_breaks()
    {
        var item = Fixture.Ok(Fixture.ParseText("<rss><channel><item><description>&lt;p&gt;One&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;p&gt;Two&lt;br&gt;Three&lt;/p&gt;</description></item></channel></rss>")).Items[0];
        Assert.Equal("One\n\nTwo\nThree", item.Summary);
    }

    [Fact]
    public void Unescaped_html_inside_a_description_is_kept_as_content_text()
    {
        var item = Fixture.Ok(Fixture.ParseText("<rss><channel><item><description><p>Hello <b>there</b></p></description></item></channel></rss>")).Items[0];
        Assert.Equal("Hello there", item.Summary);
    }
}
