using AlertBot.Core.Text;

namespace AlertBot.Tests.Text;

public sealed class HtmlMarkupTests
{
    [Theory]
    [InlineData("<b>bold</b>")]
    [InlineData("line<br>break")]
    [InlineData("line<br />break")]
    [InlineData("<p>Para one<p>Para two")]
    [InlineData("see <a href=\"https://x.example\">this</a>")]
    [InlineData("<img src=x>")]
    [InlineData("<!DOCTYPE html><title>x</title>")]
    [InlineData("<DIV CLASS='lead'>Text</DIV>")]
    public void Tags_people_do_not_type_by_accident_are_html(string text) => Assert.True(HtmlMarkup.LooksLikeHtml(text));

    [Theory]
    [InlineData("a < b")]
    [InlineData("x <3 y")]
    [InlineData("if a<b and c>d")]
    [InlineData("Use <title> wisely")]
    [InlineData("AT&T <rocks>")]
    [InlineData("<<<>>>")]
    [InlineData("ends with <")]
    [InlineData("</ not a tag")]
    [InlineData("<script")]
    public void Angle_brackets_in_ordinary_text_are_not_html(string text) => Assert.False(HtmlMarkup.LooksLikeHtml(text));

    [Theory]
    [InlineData("<!doctype html><html></html>", true)]
    [InlineData("\uFEFF  <!-- generated --><?xml-stylesheet href='a'?><html lang=en>", true)]
    [InlineData("<?xml version='1.0'?><rss><channel><description>&lt;html&gt;</description></channel></rss>", false)]
    [InlineData("<rss><channel><description><![CDATA[<html>]]></description></channel></rss>", false)]
    [InlineData("<!-- unterminated", false)]
    public void A_document_is_html_when_its_first_markup_is_a_doctype_or_html_element(string text, bool html) =>
        Assert.Equal(html, HtmlMarkup.IsHtmlDocument(text));
}
