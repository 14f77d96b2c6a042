using System.Text;

namespace AlertBot.Core.Text;

/// <summary>
/// Repairs UTF-8 that was read as windows-1252 and encoded again ("â€¦" for "…", "Ã©" for "é"), a common
/// publishing bug. Only whole, valid UTF-8 sequences are replaced, so ordinary Latin text is left alone.
/// </summary>
internal static class Mojibake
{
    private static readonly Encoding Cp1252 = CreateCp1252();

    private static Encoding CreateCp1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
    }

    public static string Repair(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\u00C2', '\u00F4') < 0) return text;
        StringBuilder? sb = null;
        var copied = 0;
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var lead = text[i];
            if (lead is < '\u00C2' or > '\u00F4') continue;
            var needed = lead >= '\u00F0' ? 3 : lead >= '\u00E0' ? 2 : 1;
            if (i + needed >= text.Length) continue;
            bytes[0] = (byte)lead;
            var ok = true;
            for (var k = 1; k <= needed && ok; k++)
                ok = TryByte(text[i + k], out bytes[k]) && bytes[k] is >= 0x80 and <= 0xBF;
            if (!ok) continue;
            var decoded = Encoding.UTF8.GetString(bytes[..(needed + 1)]);
            if (decoded.Contains('\uFFFD') || decoded.Length == 0 || char.IsControl(decoded[0])) continue;
            sb ??= new StringBuilder(text.Length);
            sb.Append(text, copied, i - copied).Append(decoded);
            i += needed;
            copied = i + 1;
        }
        return sb is null ? text : sb.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool TryByte(char c, out byte b)
    {
        b = 0;
        if (c is >= '\u00A0' and <= '\u00BF') { b = (byte)c; return true; }
        if (c < '\u0100' || c > '\u2122') return false;
        try
        {
            Span<byte> one = stackalloc byte[2];
            if (Cp1252.GetBytes([c], one) != 1) return false;
            b = one[0];
            return true;
        }
        catch (EncoderFallbackException) { return false; }
    }
}
