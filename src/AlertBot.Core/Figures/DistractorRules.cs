namespace AlertBot.Core.Figures;

/// <summary>
/// Numbers that are never figures whatever follows them: years, dates, times, ordinals, percentages,
/// money, phone numbers, labels ("season 2"), ages. Checked before any measure is learnt.
/// </summary>
internal static class DistractorRules
{
    public static string? Reason(List<Token> t, NumberSpan n)
    {
        var first = t[n.Start];
        var prev = n.Start > 0 ? t[n.Start - 1] : default;
        var next = n.End < t.Count ? t[n.End] : default;
        var prev2 = n.Start > 1 ? t[n.Start - 2] : default;

        // "2023-09-10": numbers glued by hyphens on both sides are a date or a code.
        if (prev.Text == "-" && prev.End == first.Start && prev2.IsNumber && prev2.End == prev.Start) return "date or code";
        if (next.Text == "-" && next.Start == t[n.End - 1].End && n.End + 2 < t.Count && t[n.End + 1].IsNumber && t[n.End + 2].Text == "-" &&
            t[n.End + 1].End == t[n.End + 2].Start) return "date or code";
        if (n.Bare && n.High is null && n.Value is >= 1800 and <= 2100 && first.Text.Length == 4 && !IsCountNotYear(t, n)) return "year";
        if (IsMonth(prev) || IsMonth(next) && n.Value <= 31 || IsMonth(prev2) && prev.Text == "," && n.Value <= 31) return "date";
        if (IsMonth(prev2) && prev.Is("of")) return "date";
        if (next.Kind == TokenKind.Word && FigureLexicon.Weekdays.Contains(next.Lower)) return "date";
        if (next.Text is "%" || next.Is("percent") || next.Is("per") && n.End + 1 < t.Count && t[n.End + 1].Is("cent")) return "percentage";
        if (next.Text is ":" && n.End + 1 < t.Count && t[n.End + 1].IsNumber && t[n.End + 1].Start == next.End) return "time";
        if (next.Text is "/" && n.End + 1 < t.Count && t[n.End + 1].IsNumber) return "date or fraction";
        if (prev.Text is "$" or "€" or "£" or "¥" or "₩" or "₽" or "#" or "№") return "money or label";
        if (prev.Text is "/" && prev2.IsNumber) return "date or fraction";
        // Letters glued to the digits: ordinals ("38th"), decades ("1990s"), units ("155mm", "1.2K").
        if (!n.Spelled && next.IsWord && next.Start == t[n.End - 1].End) return "ordinal or unit";
        // Model names ("F-16 jets", "Hwasong-19 missiles", "COVID-19"): the number is part of a name.
        if (!n.Spelled && prev.Text is "-" && prev.End == first.Start && prev2.IsWord && prev2.End == prev.Start) return "model name";
        // Compound adjectives ("a 24-hour ceasefire", "a 10-point plan"), but "a 30,000-strong army" counts.
        if (next.Text is "-" && next.Start == t[n.End - 1].End && n.End + 1 < t.Count && t[n.End + 1].IsWord && !t[n.End + 1].Is("strong"))
            return "compound adjective";
        if (prev.Text is "." && prev2.IsWord && FigureLexicon.Months.Contains(prev2.Lower) && prev2.IsCapitalised && n.Value <= 31) return "date";
        if (IsPhone(t, n)) return "phone number";
        if (prev.IsWord && FigureLexicon.LabelWords.Contains(prev.Lower) && !n.Spelled && n.High is null) return "label";
        if (!n.Spelled && next.Text is "-" && n.End + 1 < t.Count && t[n.End + 1].IsWord &&
            t[n.End + 1].Lower.StartsWith("year", StringComparison.Ordinal)) return "age or duration";
        if (n.Value == 0 && !n.Spelled) return "zero counter";
        if (prev.Is("of") && prev2.IsWord && prev2.Lower is "one" or "two" or "three" or "some" or "each" or "all" or "both" or "none" or "many" or "most" or "any" or "either" or "neither" or "few")
            return "part of a group";
        return null;
    }

    // "2059 were hurt", "has gone up to 2012": a number the size of a year that a verb counts.
    private static bool IsCountNotYear(List<Token> t, NumberSpan n)
    {
        if (n.End < t.Count && t[n.End].Lower is "were" or "are" or "have" or "had" or "people" or "died") return true;
        return n.Start >= 2 && t[n.Start - 1].Is("to") && t[n.Start - 2].Lower is "up" or "rose" or "risen" or "climbed" or "climbs" or "increased" or "jumped";
    }

    private static bool IsMonth(Token tok) =>
        tok.Kind == TokenKind.Word && FigureLexicon.Months.Contains(tok.Lower) && (tok.Lower != "may" || tok.IsCapitalised) &&
        (tok.Lower.Length > 3 || tok.IsCapitalised);

    // "+1 555 123 4567", "(555) 123-4567", "555-1234" next to "call", "tel", "phone".
    private static bool IsPhone(List<Token> t, NumberSpan n)
    {
        var groups = 0;
        for (var k = Math.Max(0, n.Start - 4); k < Math.Min(t.Count, n.End + 5); k++)
            if (t[k].IsNumber && t[k].Text.Length >= 2 && !t[k].Text.Contains(',')) groups++;
        if (n.Start > 0 && t[n.Start - 1].Text == "+") return true;
        if (groups >= 3 && Adjacent(t, n)) return true;
        for (var k = Math.Max(0, n.Start - 4); k < n.Start; k++)
            if (t[k].Lower is "call" or "phone" or "tel" or "telephone" or "fax" or "hotline" or "mobile" or "whatsapp") return true;
        return false;
    }

    // Phone digit groups sit close together, joined by spaces, dashes, dots or parentheses only.
    private static bool Adjacent(List<Token> t, NumberSpan n)
    {
        var k = n.End;
        var joined = 0;
        while (k + 1 < t.Count && t[k].Text is "-" or "." or ")" or "(" && (t[k + 1].IsNumber || t[k + 1].Text is "(")) { joined++; k += 2; }
        var b = n.Start - 1;
        while (b - 1 >= 0 && t[b].Text is "-" or "." or ")" or "(" && t[b - 1].IsNumber) { joined++; b -= 2; }
        return joined >= 2;
    }
}
