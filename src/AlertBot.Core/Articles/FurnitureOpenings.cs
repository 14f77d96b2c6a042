namespace AlertBot.Core.Articles;

/// <summary>
/// Which whole-line furniture shapes a trimmed line could be, from how it opens: each shape's pattern is anchored at the
/// start and every alternative of it begins with a known ASCII character (a literal word, a digit, "("), so a line opening
/// with anything else cannot match it, and its search is skipped. The patterns ignore case, so both cases of a letter
/// count; a line opening outside ASCII (where case-insensitive letters have other forms, such as the Kelvin sign) may be
/// any shape. Keep these sets in step with the patterns in <see cref="FurniturePatterns"/>.
/// </summary>
internal static class FurnitureOpenings
{
    private const string Digits = "0123456789";

    private static readonly FurnitureShape[] ByFirstChar = Build();

    public static FurnitureShape Of(string line)
    {
        var first = line[0];
        if (first >= ByFirstChar.Length) return FurnitureShape.All;
        var shapes = ByFirstChar[first];
        // A date line may open with any word ("March 3, 2025"), but then it has digits; "Published …" and the others open with their word.
        if ((shapes & FurnitureShape.Dateline) == 0 && ContainsDigit(line)) shapes |= FurnitureShape.Dateline;
        // The agency credit line ("ANNA MONEYMAKER / GETTY IMAGES") has a slash.
        if ((shapes & FurnitureShape.CapitalCreditLine) != 0 && !line.Contains('/')) shapes &= ~FurnitureShape.CapitalCreditLine;
        return shapes;
    }

    /// <summary>Any decimal digit (the patterns' <c>\d</c>, which is not only ASCII).</summary>
    private static bool ContainsDigit(string line)
    {
        var span = line.AsSpan();
        if (span.ContainsAnyInRange('0', '9')) return true;
        if (!span.ContainsAnyExceptInRange('\0', '\u007F')) return false;
        foreach (var c in span)
        {
            if (char.IsDigit(c)) return true;
        }
        return false;
    }

    private static FurnitureShape[] Build()
    {
        var table = new FurnitureShape[128];
        Add(table, FurnitureShape.UiLabel, "abcefhilmprsvw" + Digits);
        Add(table, FurnitureShape.CommentCounter, "abcjlnprsv" + Digits);
        Add(table, FurnitureShape.SourceLine, "cioprstv");
        Add(table, FurnitureShape.Dateline, "flpu" + Digits);
        Add(table, FurnitureShape.CreditLine, "(acepirvw");
        // Case-sensitive: an upper-case letter.
        for (var c = 'A'; c <= 'Z'; c++) table[c] |= FurnitureShape.CapitalCreditLine;
        Add(table, FurnitureShape.ShareBar, "ceflmprstwx");
        Add(table, FurnitureShape.ReadingAids, "efgikmnt");
        return table;
    }

    private static void Add(FurnitureShape[] table, FurnitureShape shape, string openings)
    {
        foreach (var c in openings)
        {
            table[char.ToLowerInvariant(c)] |= shape;
            table[char.ToUpperInvariant(c)] |= shape;
        }
    }
}
