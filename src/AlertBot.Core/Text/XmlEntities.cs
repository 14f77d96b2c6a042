using System.Net;
using System.Text;

namespace AlertBot.Core.Text;

/// <summary>
/// Decodes character references the way a forgiving reader would: XML's five, numeric references, and every
/// HTML named entity (feeds use them without a DTD). Nothing is ever looked up in a DTD, so declared entities
/// (billion laughs, XXE) stay literal text.
/// </summary>
internal static class XmlEntities
{
    // Numeric references 128-159 are windows-1252 characters in practice (browsers and feed readers agree).
    private static readonly char[] Cp1252High =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Named = new(StringComparer.Ordinal);

    /// <summary>
    /// Tries to decode the reference starting at <paramref name="text"/>[0] == '&amp;'.
    /// Returns the number of characters consumed (0 when this is a bare ampersand or an unknown name).
    /// </summary>
    public static int TryDecode(ReadOnlySpan<char> text, StringBuilder output)
    {
        var max = Math.Min(text.Length, 40);
        var semi = text[..max].IndexOf(';');
        if (semi < 2) return 0;
        var body = text[1..semi];
        if (body[0] == '#')
        {
            if (!TryParseNumeric(body[1..], out var code)) return 0;
            if (code is >= 0xC2 and <= 0xF4)
            {
                var run = TryDecodeUtf8Run(text, code, semi + 1, output);
                if (run > 0) return run;
            }
            AppendCode(code, output);
            return semi + 1;
        }
        switch (body)
        {
            case "amp": output.Append('&'); return semi + 1;
            case "lt": output.Append('<'); return semi + 1;
            case "gt": output.Append('>'); return semi + 1;
            case "quot": output.Append('"'); return semi + 1;
            case "apos": output.Append('\''); return semi + 1;
        }
        foreach (var c in body)
            if (!char.IsAsciiLetterOrDigit(c)) return 0;
        var lookup = Named.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(body, out var decoded))
        {
            var reference = text[..(semi + 1)].ToString();
            decoded = WebUtility.HtmlDecode(reference);
            if (decoded == reference) return 0;
            // Only real entity names are remembered, so the cache is bounded by HTML's entity table.
            Named.TryAdd(body.ToString(), decoded);
        }
        output.Append(decoded);
        return semi + 1;
    }

    private static bool TryParseNumeric(ReadOnlySpan<char> digits, out int code)
    {
        code = 0;
        if (digits.IsEmpty) return false;
        var hex = digits[0] is 'x' or 'X';
        if (hex) digits = digits[1..];
        if (digits.IsEmpty || digits.Length > 8) return false;
        var style = hex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None;
        return int.TryParse(digits, style, System.Globalization.CultureInfo.InvariantCulture, out code);
    }

    private static void AppendCode(int code, StringBuilder output)
    {
        if (code is >= 128 and <= 159) output.Append(Cp1252High[code - 128]);
        else if (code is 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF)) output.Append('\uFFFD');
        else output.Append(char.ConvertFromUtf32(code));
    }

    /// <summary>The C1 range as windows-1252 meant it (text mislabelled as Latin-1 carries these).</summary>
    public static char FromC1(char c) => c is >= '\u0080' and <= '\u009F' ? Cp1252High[c - 0x80] : c;

    /// <summary>
    /// UTF-8 that was escaped byte by byte ("&amp;#226;&amp;#128;&amp;#166;" for "…") is a common double-encoding
    /// bug; when a run of references forms one valid UTF-8 sequence, it is read as that character.
    /// </summary>
    private static int TryDecodeUtf8Run(ReadOnlySpan<char> text, int lead, int position, StringBuilder output)
    {
        var needed = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
        Span<byte> bytes = stackalloc byte[4];
        bytes[0] = (byte)lead;
        for (var k = 1; k <= needed; k++)
        {
            var rest = text[position..];
            if (rest.Length < 4 || rest[0] != '&' || rest[1] != '#') return 0;
            var semi = rest[..Math.Min(rest.Length, 12)].IndexOf(';');
            if (semi < 3 || !TryParseNumeric(rest[2..semi], out var b) || b is < 0x80 or > 0xBF) return 0;
            bytes[k] = (byte)b;
            position += semi + 1;
        }
        if (System.Text.Unicode.Utf8.ToUtf16(bytes[..(needed + 1)], stackalloc char[2], out _, out var written) != System.Buffers.OperationStatus.Done) return 0;
        output.Append(Encoding.UTF8.GetString(bytes[..(needed + 1)]));
        return written > 0 ? position : 0;
    }

    /// <summary>Decodes every reference in <paramref name="text"/>; unknown ones stay as written.</summary>
    public static string Decode(string text)
    {
        var amp = text.IndexOf('&');
        if (amp < 0) return text;
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, amp);
        var i = amp;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '&')
            {
                var used = TryDecode(text.AsSpan(i), sb);
                if (used > 0) { i += used; continue; }
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }
}
