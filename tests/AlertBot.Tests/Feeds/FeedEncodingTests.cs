using System.Text;
using AlertBot.Core.Feeds;

namespace AlertBot.Tests.Feeds;

public sealed class FeedEncodingTests
{
    static FeedEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Doc(string declared) =>
        $"<?xml version=\"1.0\" encoding=\"{declared}\"?><rss><channel><title>Café – “quoted” €5</title></channel></rss>";

    public static TheoryData<string, byte[], string?, string> Cases()
    {
        var data = new TheoryData<string, byte[], string?, string>();
        var utf8 = Encoding.UTF8.GetBytes(Doc("utf-8"));
        data.Add("utf-8 with BOM", [0xEF, 0xBB, 0xBF, .. utf8], null, "utf-8");
        data.Add("utf-8 without declaration", Encoding.UTF8.GetBytes(Doc("utf-8").Replace(" encoding=\"utf-8\"", "", StringComparison.Ordinal)), null, "utf-8");
        data.Add("utf-16le with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Doc("utf-16"))], null, "utf-16");
        data.Add("utf-16be without BOM", Encoding.BigEndianUnicode.GetBytes(Doc("utf-16")), null, "utf-16BE");
        data.Add("windows-1252 from the declaration", Encoding.GetEncoding(1252).GetBytes(Doc("windows-1252")), null, "windows-1252");
        data.Add("iso-8859-1 declared, read as windows-1252", Encoding.GetEncoding(1252).GetBytes(Doc("iso-8859-1")), null, "windows-1252");
        data.Add("http charset wins over the declaration", Encoding.GetEncoding(1252).GetBytes(Doc("utf-8")), "application/rss+xml; charset=windows-1252", "windows-1252");
        data.Add("utf-8 declared but latin bytes", Encoding.GetEncoding(1252).GetBytes(Doc("utf-8")), null, "windows-1252");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Text_is_decoded_from_bom_header_or_declaration(string name, byte[] bytes, string? contentType, string encoding)
    {
        var feed = Fixture.Ok(FeedParser.Parse(bytes, null, contentType));
        Assert.True("Café – “quoted” €5" == feed.Title, $"{name}: got {feed.Title}");
        Assert.Equal(encoding, feed.Encoding, ignoreCase: true);
    }

    [Fact]
    public void Invalid_utf8_in_one_item_does_not_abort_the_feed()
    {
        byte[] bytes = [.. "<rss><channel><item><title>ok</title></item><item><title>bad "u8, 0xC3, 0x28, 0xFF, .. "</title></item></channel></rss>"u8];
        var feed = Fixture.Ok(FeedParser.Parse(bytes));
        Assert.Equal(2, feed.Items.Count);
        Assert.Equal("ok", feed.Items[0].Title);
    }

    [Fact]
    public void One_invalid_byte_in_a_utf8_feed_is_replaced_and_the_rest_stays_utf8()
    {
        byte[] bytes = [.. "<rss><channel><item><title>Москва "u8, 0xFF, .. "</title><description>Привет, мир</description></item></channel></rss>"u8];
        var feed = Fixture.Ok(FeedParser.Parse(bytes));
        Assert.Equal("Москва \uFFFD", feed.Items[0].Title);
        Assert.Equal("Привет, мир", feed.Items[0].Summary);
        Assert.Equal("utf-8", feed.Encoding);
    }

    [Fact]
    public void A_few_stray_bytes_among_accented_utf8_text_do_not_switch_the_document_to_windows_1252()
    {
        byte[] bytes = [.. "<rss><channel><title>Café “quoted” "u8, 0x92, .. " résumé</title></channel></rss>"u8];
        var feed = Fixture.Ok(FeedParser.Parse(bytes, null, "application/rss+xml; charset=utf-8"));
        Assert.Equal("Café “quoted” \uFFFD résumé", feed.Title);
    }

    [Fact]
    public void Latin_text_declared_as_utf8_is_still_read_as_windows_1252()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("<rss><channel><title>Café, crème brûlée – “déjà vu”</title></channel></rss>");
        var feed = Fixture.Ok(FeedParser.Parse(bytes, null, "application/rss+xml; charset=utf-8"));
        Assert.Equal("Café, crème brûlée – “déjà vu”", feed.Title);
        Assert.Equal("windows-1252", feed.Encoding);
    }

    [Fact]
    public void Utf8_escaped_byte_by_byte_is_repaired()
    {
        var feed = Fixture.Ok(Fixture.ParseText("<rss><channel><title>Wait&#226;&#128;&#166; caf&Atilde;&copy;</title></channel></rss>"));
        Assert.Equal("Wait… café", feed.Title);
    }
}
