using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace AlertBot.Tests.Feeds.Conformance;

/// <summary>
/// The corpus README's normalisation, written independently of the parser: NFC, tags stripped, entities
/// decoded, whitespace collapsed and trimmed. Both sides of a comparison go through it.
/// </summary>
internal static partial class Normalise
{
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var s = value.Normalize(NormalizationForm.FormC);
        s = ScriptOrStyle().Replace(s, " ");
        s = Tag().Replace(s, " ");
        s = WebUtility.HtmlDecode(s).Replace('\u00A0', ' ');
        return Spaces().Replace(s, " ").Trim();
    }

    /// <summary>For our plain-text fields: only NFC and whitespace (a literal "&lt;b&gt;" in plain text is text, not a tag).</summary>
    public static string Plain(string? value) =>
        string.IsNullOrEmpty(value) ? "" : Spaces().Replace(value.Normalize(NormalizationForm.FormC).Replace('\u00A0', ' '), " ").Trim();

    public static string Url(string? value) => (value ?? "").Trim();

    /// <summary>Encoding labels as Python and .NET spell them, folded to one name.</summary>
    public static string Encoding(string? name)
    {
        var n = (name ?? "").Trim().ToLowerInvariant().Replace('_', '-');
        return n switch
        {
            "utf8" => "utf-8",
            "utf-16le" or "utf-16" => "utf-16le",
            "unicodefffe" or "utf-16be" => "utf-16be",
            "utf-32le" or "utf-32" => "utf-32le",
            "iso-8859-1" or "latin1" or "latin-1" or "cp1252" or "windows-1252" => "windows-1252",
            "gb2312" or "gbk" or "gb18030" => "gb18030",
            "big5" or "big5-hkscs" => "big5",
            "euc-kr" or "cp949" or "ks-c-5601-1987" => "euc-kr",
            "us-ascii" or "ascii" => "ascii",
            _ => n,
        };
    }

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1\\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
