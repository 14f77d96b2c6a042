using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace AlertBot.Core.Text;

/// <summary>
/// Turns fetched bytes (feeds, pages, files) into text. Order of authority: byte-order mark, then the HTTP
/// charset, then the document's own declaration (the XML prolog, RFC 7303, or an HTML meta charset), then UTF-8.
/// Invalid bytes never abort: text declared or assumed UTF-8 that is not valid UTF-8 is read as UTF-8 with U+FFFD
/// for the bad bytes when most of its non-ASCII text is valid UTF-8, and as windows-1252 otherwise; other
/// decoders substitute U+FFFD.
/// </summary>
internal static class TextDecoder
{
    private static readonly SearchValues<char> CharsetEnd = SearchValues.Create(" \"';/>");

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedText Decode(ReadOnlySpan<byte> data, string? contentType)
    {
        var (bomEncoding, bomLength) = FromBom(data);
        if (bomEncoding is not null) return Read(data[bomLength..], bomEncoding, false);

        var sniffed = FromBytePattern(data);
        if (sniffed is not null) return Read(data, sniffed, false);

        var declared = CharsetFromContentType(contentType) ?? DeclaredInProlog(data) ?? DeclaredInMeta(data);
        var encoding = declared is null ? null : Lookup(declared);
        var mismatch = declared is not null && encoding is null;
        // Declared single-byte or UTF-16 labels that cannot describe an ASCII-compatible prolog are ignored.
        if (encoding is UnicodeEncoding or UTF32Encoding) encoding = null;
        return Read(data, encoding ?? new UTF8Encoding(false), mismatch);
    }

    private static DecodedText Read(ReadOnlySpan<byte> data, Encoding encoding, bool warn)
    {
        if (encoding is UTF8Encoding)
        {
            if (Utf8.IsValid(data)) return new(Clean(Encoding.UTF8.GetString(data)), "utf-8", warn);
            var lenient = Encoding.UTF8.GetString(data);
            if (MostlyUtf8(lenient, data)) return new(Clean(lenient), "utf-8", true);
            return new(Clean(Encoding.GetEncoding(1252).GetString(data)), "windows-1252", true);
        }
        return new(Clean(encoding.GetString(data)), encoding.WebName, warn);
    }

    /// <summary>
    /// Damaged UTF-8 or mislabelled Latin text? Each reading spoils some characters: as UTF-8 the invalid
    /// sequences become U+FFFD, as windows-1252 every valid multi-byte character turns to mojibake. The reading
    /// that spoils fewer wins: a Russian feed with one stray byte stays Russian, and Latin text (whose accented
    /// bytes almost never form valid UTF-8 sequences) is still read as windows-1252.
    /// </summary>
    private static bool MostlyUtf8(string lenient, ReadOnlySpan<byte> data)
    {
        int replaced = 0, multiByte = 0;
        foreach (var c in lenient)
        {
            if (c == '\uFFFD') replaced++;
            else if (c >= '\u0080' && !char.IsLowSurrogate(c)) multiByte++;
        }
        // U+FFFD written out validly in the source is a character like any other, not damage.
        var written = data;
        for (var at = written.IndexOf("\uFFFD"u8); at >= 0; at = written.IndexOf("\uFFFD"u8))
        {
            replaced--;
            multiByte++;
            written = written[(at + 3)..];
        }
        return multiByte > replaced;
    }

    /// <summary>
    /// Drops control characters XML forbids (they break chat platforms too) and reads C1 controls as the
    /// windows-1252 punctuation they were meant to be. Costs one vectorised scan when there is nothing to do.
    /// </summary>
    private static string Clean(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAnyInRange('\u0080', '\u009F') < 0 && !HasForbiddenControl(span)) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c < ' ' && c is not ('\t' or '\n' or '\r')) continue;
            sb.Append(XmlEntities.FromC1(c));
        }
        return sb.ToString();
    }

    private static bool HasForbiddenControl(ReadOnlySpan<char> span)
    {
        while (true)
        {
            var i = span.IndexOfAnyInRange('\0', '\u001F');
            if (i < 0) return false;
            if (span[i] is not ('\t' or '\n' or '\r')) return true;
            span = span[(i + 1)..];
        }
    }

    private static (Encoding? Encoding, int Length) FromBom(ReadOnlySpan<byte> d)
    {
        if (d.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (new UTF8Encoding(false), 3);
        if (d.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return (new UTF32Encoding(false, false), 4);
        if (d.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return (new UTF32Encoding(true, false), 4);
        if (d.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (new UnicodeEncoding(false, false), 2);
        if (d.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (new UnicodeEncoding(true, false), 2);
        return (null, 0);
    }

    /// <summary>UTF-16/32 without a BOM, recognised from how '&lt;' is laid out (XML 1.0 appendix F).</summary>
    private static Encoding? FromBytePattern(ReadOnlySpan<byte> d)
    {
        if (d.Length < 4) return null;
        if (d[0] == 0 && d[1] == 0 && d[2] == 0 && d[3] != 0) return new UTF32Encoding(true, false);
        if (d[0] != 0 && d[1] == 0 && d[2] == 0 && d[3] == 0) return new UTF32Encoding(false, false);
        if (d[0] == 0 && d[1] != 0 && d[2] == 0) return new UnicodeEncoding(true, false);
        if (d[0] != 0 && d[1] == 0 && d[2] != 0 && d[3] == 0) return new UnicodeEncoding(false, false);
        return null;
    }

    public static string? CharsetFromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return null;
        foreach (var part in contentType.Split(';'))
        {
            var kv = part.Trim();
            if (kv.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
                return kv[8..].Trim().Trim('"', '\'').Trim();
        }
        return null;
    }

    private static string? DeclaredInProlog(ReadOnlySpan<byte> data)
    {
        var head = data[..Math.Min(data.Length, 1024)];
        var start = head.IndexOf("<?xml"u8);
        if (start < 0 || start > 200) return null;
        var end = head[start..].IndexOf("?>"u8);
        if (end < 0) return null;
        var prolog = Encoding.Latin1.GetString(head.Slice(start, end));
        var at = prolog.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = prolog.AsSpan(at + 8).TrimStart().TrimStart('=').TrimStart();
        if (rest.IsEmpty || rest[0] is not ('"' or '\'')) return null;
        var close = rest[1..].IndexOf(rest[0]);
        return close < 0 ? null : rest.Slice(1, close).Trim().ToString();
    }

    /// <summary>An HTML page's &lt;meta charset="…"&gt; or &lt;meta http-equiv="Content-Type" content="…; charset=…"&gt;.</summary>
    private static string? DeclaredInMeta(ReadOnlySpan<byte> data)
    {
        var head = data[..Math.Min(data.Length, 2048)];
        // Only in an HTML document: a feed may carry "<meta charset" inside an item's escaped content.
        var html = Math.Max(IndexOfIgnoreCase(head, "<html"u8), IndexOfIgnoreCase(head, "<head"u8));
        if (html < 0) return null;
        head = head[html..];
        while (true)
        {
            var meta = IndexOfIgnoreCase(head, "<meta"u8);
            if (meta < 0) return null;
            head = head[(meta + 5)..];
            var end = head.IndexOf((byte)'>');
            var tag = Encoding.Latin1.GetString(end < 0 ? head : head[..end]);
            var at = tag.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            var value = tag.AsSpan(at + 7).TrimStart().TrimStart('=').TrimStart().TrimStart("\"'");
            var stop = value.IndexOfAny(CharsetEnd);
            var name = (stop < 0 ? value : value[..stop]).Trim();
            if (!name.IsEmpty) return name.ToString();
        }
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> data, ReadOnlySpan<byte> lowerAscii)
    {
        for (var i = data.IndexOf(lowerAscii[0]); i >= 0 && i + lowerAscii.Length <= data.Length;)
        {
            if (Ascii.EqualsIgnoreCase(data.Slice(i, lowerAscii.Length), lowerAscii)) return i;
            var next = data[(i + 1)..].IndexOf(lowerAscii[0]);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return -1;
    }

    private static Encoding? Lookup(string name)
    {
        var label = name.Trim().ToLowerInvariant();
        // Browsers and feed readers treat these labels as windows-1252; the C1 range is otherwise unprintable.
        if (label is "iso-8859-1" or "iso8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso_8859-1" or "l1") return Encoding.GetEncoding(1252);
        if (label is "utf8" or "utf-8") return new UTF8Encoding(false);
        if (label is "gb2312" or "gbk") label = "gb18030";
        try { return Encoding.GetEncoding(label); }
        catch (ArgumentException) { return null; }
    }
}
