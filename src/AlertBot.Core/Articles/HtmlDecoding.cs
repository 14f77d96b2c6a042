using System.Text;
using System.Text.RegularExpressions;

namespace AlertBot.Core.Articles;

/// <summary>Decodes page bytes: BOM first, then the Content-Type charset, then a meta charset, else UTF-8.</summary>
internal static partial class HtmlDecoding
{
    static HtmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes, string? contentType)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        var encoding = FromName(Charset(contentType)) ?? FromName(MetaCharset(bytes)) ?? Encoding.UTF8;
        return encoding.GetString(bytes);
    }

    private static string? Charset(string? contentType)
    {
        if (contentType is null) return null;
        var m = CharsetParameter().Match(contentType);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static string? MetaCharset(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
        var m = CharsetParameter().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static Encoding? FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        try
        {
            // Browsers read "iso-8859-1" as windows-1252; so do we, since pages mislabel it constantly.
            return Encoding.GetEncoding(name.Equals("iso-8859-1", StringComparison.OrdinalIgnoreCase) ? "windows-1252" : name.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9._:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParameter();
}
