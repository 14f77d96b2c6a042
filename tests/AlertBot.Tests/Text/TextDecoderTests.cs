using System.Text;
using AlertBot.Core.Text;

namespace AlertBot.Tests.Text;

public sealed class TextDecoderTests
{
    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void A_page_declares_its_charset_in_an_http_equiv_meta_tag()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body>€5 für Café</body></html>");
        var decoded = TextDecoder.Decode(bytes, null);
        Assert.Equal("windows-1252", decoded.EncodingName);
        Assert.Contains("€5 für Café", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_meta_charset_inside_a_feed_item_does_not_change_the_feeds_encoding()
    {
        var bytes = Encoding.UTF8.GetBytes("<rss><channel><item><description><![CDATA[<meta charset=\"iso-8859-1\">Café]]></description></item></channel></rss>");
        var decoded = TextDecoder.Decode(bytes, null);
        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Contains("Café", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_utf8_keeps_its_valid_characters_and_says_the_bytes_were_doubtful()
    {
        byte[] bytes = [.. "Москва "u8, 0xD0, .. " Київ"u8];
        var decoded = TextDecoder.Decode(bytes, "text/plain; charset=utf-8");
        Assert.Equal("Москва \uFFFD Київ", decoded.Text);
        Assert.True(decoded.Doubtful);
    }

    [Fact]
    public void A_replacement_character_written_validly_in_the_source_is_not_counted_as_damage()
    {
        // One real U+FFFD, one stray byte and one valid "é": as UTF-8 only the stray byte is lost.
        byte[] bytes = [.. "a \uFFFD b "u8, 0xE9, .. " café"u8];
        Assert.Equal("a \uFFFD b \uFFFD café", TextDecoder.Decode(bytes, null).Text);
    }
}
