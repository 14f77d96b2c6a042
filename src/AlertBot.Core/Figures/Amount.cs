namespace AlertBot.Core.Figures;

/// <summary>A number with a unit as written: "€50 billion", "Rs 669.85 crore", "66.38%", "27 per cent".</summary>
/// <param name="Number">The number itself (its value already scaled: crore, lakh, bn, m).</param>
/// <param name="Unit">A currency code ("USD", "EUR", "GBP", "INR", …) or "%".</param>
/// <param name="Start">First token, including a currency sign before the number.</param>
/// <param name="End">Token after the last one (scale, currency word, "%", "per cent").</param>
internal sealed record Amount(NumberSpan Number, string Unit, int Start, int End)
{
    public bool IsMoney => Unit is not ("%" or "percentage points");
}
