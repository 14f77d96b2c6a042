using System.Globalization;
using System.Text;

namespace AlertBot.Core.Text;

/// <summary>
/// Case and diacritics folding for one character: "É" → "e", "ß" → "ss", "Ø" → "o".
/// Queries and articles go through the same table, so whatever it does, both sides agree.
/// </summary>
internal static class TextFolding
{
    // Computed lazily per character: most text is ASCII and never touches this table.
    // Races only ever store the same string twice.
    private static readonly string?[] Table = new string?[char.MaxValue + 1];

    /// <summary>Letters whose canonical decomposition does not strip to ASCII.</summary>
    private static readonly Dictionary<char, string> Special = new()
    {
        ['ß'] = "ss", ['ẞ'] = "ss", ['æ'] = "ae", ['Æ'] = "ae", ['œ'] = "oe", ['Œ'] = "oe",
        ['ø'] = "o", ['Ø'] = "o", ['đ'] = "d", ['Đ'] = "d", ['ł'] = "l", ['Ł'] = "l",
        ['þ'] = "th", ['Þ'] = "th", ['ð'] = "d", ['Ð'] = "d", ['ı'] = "i", ['ĸ'] = "k",
    };

    public static bool IsAsciiWordChar(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;

    /// <summary>True for characters that belong inside a word (letters, digits, combining marks).</summary>
    public static bool IsWordChar(char c)
    {
        if (c < 0x80) return IsAsciiWordChar(c);
        if (char.IsLetterOrDigit(c)) return true;
        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            || char.IsSurrogate(c);
    }

    /// <summary>Characters that vanish without splitting a word: soft hyphen, zero-width joiners, BOM.</summary>
    public static bool IsIgnorable(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '\u2032' or '`' or '\u00B4';

    /// <summary>The folded form of a word character (may be empty for a combining mark, or two letters).</summary>
    public static string Fold(char c)
    {
        var folded = Table[c];
        if (folded is not null) return folded;
        folded = Compute(c);
        Table[c] = folded;
        return folded;
    }

    private static string Compute(char c)
    {
        if (c < 0x80) return char.ToLowerInvariant(c).ToString();
        if (Special.TryGetValue(c, out var special)) return special;
        if (char.IsSurrogate(c)) return c.ToString();
        var decomposed = char.ToLowerInvariant(c).ToString().Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var d in decomposed)
        {
            var category = char.GetUnicodeCategory(d);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            if (char.IsLetterOrDigit(d)) sb.Append(char.ToLowerInvariant(d));
        }
        return sb.ToString();
    }
}
