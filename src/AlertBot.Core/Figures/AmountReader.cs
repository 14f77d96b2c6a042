namespace AlertBot.Core.Figures;

/// <summary>
/// Reads money and percentages around a parsed number: a currency sign or code before it ("$", "US$", "€", "£",
/// "₹", "Rs", "INR"), a scale after it ("bn", "m", "crore", "lakh") and a currency word ("euros", "rupees"); or
/// "%", "per cent", "percent" after it. A number with neither is a count, read elsewhere.
/// </summary>
internal static class AmountReader
{
    private static readonly Dictionary<string, string> Signs = new(StringComparer.Ordinal)
    {
        ["$"] = "USD", ["€"] = "EUR", ["£"] = "GBP", ["₹"] = "INR", ["¥"] = "JPY", ["₦"] = "NGN", ["₩"] = "KRW", ["₽"] = "RUB",
        ["₴"] = "UAH", ["₱"] = "PHP", ["₺"] = "TRY",
    };

    /// <summary>Letters glued before "$": "US$", "A$", "C$", "HK$", "NZ$".</summary>
    private static readonly Dictionary<string, string> DollarPrefixes = new(StringComparer.Ordinal)
    {
        ["US"] = "USD", ["A"] = "AUD", ["AU"] = "AUD", ["C"] = "CAD", ["CA"] = "CAD", ["HK"] = "HKD", ["NZ"] = "NZD", ["S"] = "SGD",
    };

    private static readonly Dictionary<string, string> CodesBefore = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rs"] = "INR", ["inr"] = "INR", ["usd"] = "USD", ["eur"] = "EUR", ["gbp"] = "GBP", ["jpy"] = "JPY", ["cny"] = "CNY",
        ["rmb"] = "CNY", ["chf"] = "CHF", ["aud"] = "AUD", ["cad"] = "CAD",
    };

    private static readonly Dictionary<string, string> CurrencyWords = new(StringComparer.Ordinal)
    {
        ["euros"] = "EUR", ["euro"] = "EUR", ["dollars"] = "USD", ["dollar"] = "USD", ["rupees"] = "INR", ["rupee"] = "INR",
        ["yen"] = "JPY", ["yuan"] = "CNY", ["renminbi"] = "CNY", ["naira"] = "NGN", ["rubles"] = "RUB", ["roubles"] = "RUB",
        ["hryvnias"] = "UAH", ["francs"] = "CHF", ["usd"] = "USD", ["eur"] = "EUR", ["gbp"] = "GBP", ["inr"] = "INR",
    };

    /// <summary>Scales written after money: "bn", "m", "crore" (10^7), "lakh" (10^5).</summary>
    private static readonly Dictionary<string, double> MoneyScales = new(StringComparer.Ordinal)
    {
        ["bn"] = 1e9, ["b"] = 1e9, ["m"] = 1e6, ["mn"] = 1e6, ["mln"] = 1e6, ["tn"] = 1e12, ["k"] = 1e3,
        ["crore"] = 1e7, ["crores"] = 1e7, ["cr"] = 1e7, ["lakh"] = 1e5, ["lakhs"] = 1e5, ["lac"] = 1e5,
    };

    public static Amount? Read(List<Token> t, NumberSpan n)
    {
        if (n.Magnitude is not null) return null;
        if (Percent(t, n) is { } percent) return percent;
        var start = n.Start;
        string? unit = null;
        var prev = start > 0 ? t[start - 1] : default;
        if (prev.Text is { } p && Signs.TryGetValue(p, out var sign))
        {
            unit = sign;
            start--;
            if (p == "$" && start > 0 && t[start - 1].IsWord && t[start - 1].End == prev.Start && DollarPrefixes.TryGetValue(t[start - 1].Text, out var dollar))
            {
                unit = dollar;
                start--;
            }
        }
        else if (start > 0 && prev.IsWord && CodesBefore.TryGetValue(prev.Lower, out var code))
        {
            unit = code;
            start--;
        }
        else if (prev.Text == "." && start > 1 && t[start - 2].Lower == "rs")
        {
            unit = "INR";
            start -= 2;
        }

        var factor = 1.0;
        var end = n.End;
        if (end < t.Count && t[end].IsWord && MoneyScales.TryGetValue(t[end].Lower, out var scale) && (unit is not null || IsCurrencyWord(t, end + 1)))
        {
            factor = scale;
            end++;
        }
        if (end < t.Count && t[end].IsWord && CurrencyWords.TryGetValue(t[end].Lower, out var word))
        {
            unit ??= word;
            end++;
        }
        // "pounds" is also a weight: money only with a scale ("2 million pounds") or "sterling".
        else if (unit is null && end < t.Count && t[end].Lower is "pounds" or "pound" && (n.Value >= 1e6 || end + 1 < t.Count && t[end + 1].Is("sterling")))
        {
            unit = "GBP";
            end++;
        }
        if (unit is null) return null;
        return new Amount(n with { Value = n.Value * factor, High = n.High * factor }, unit, start, end);
    }

    private static bool IsCurrencyWord(List<Token> t, int k) => k < t.Count && t[k].IsWord && CurrencyWords.ContainsKey(t[k].Lower);

    private static Amount? Percent(List<Token> t, NumberSpan n)
    {
        var end = n.End;
        if (end >= t.Count) return null;
        if (t[end].Text == "%") return new Amount(n, "%", n.Start, end + 1);
        if (t[end].Is("percent") || t[end].Is("pct")) return new Amount(n, "%", n.Start, end + 1);
        if (t[end].Is("per") && end + 1 < t.Count && t[end + 1].Is("cent")) return new Amount(n, "%", n.Start, end + 2);
        if (t[end].Is("percentage") && end + 1 < t.Count && t[end + 1].Lower is "points" or "point") return new Amount(n, "percentage points", n.Start, end + 2);
        return null;
    }
}
