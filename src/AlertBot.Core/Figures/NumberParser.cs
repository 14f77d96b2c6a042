using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;

namespace AlertBot.Core.Figures;

/// <summary>
/// Reads numbers as news writes them: "3,000", "1.2 million", "twenty-five", "a dozen", ranges
/// ("10,000 to 12,000", "10,000-12,000", "between 300 and 400") and orders of magnitude ("thousands of").
/// </summary>
internal static class NumberParser
{
    private static readonly FrozenDictionary<string, double> Units = new Dictionary<string, double>
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40,
        ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, double> Scales = new Dictionary<string, double>
    {
        ["hundred"] = 100, ["thousand"] = 1_000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000,
        ["trillion"] = 1_000_000_000_000, ["dozen"] = 12,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, double> Magnitudes = new Dictionary<string, double>
    {
        ["dozens"] = 12, ["scores"] = 20, ["hundreds"] = 100, ["thousands"] = 1_000, ["millions"] = 1_000_000,
        ["billions"] = 1_000_000_000,
    }.ToFrozenDictionary();

    /// <summary>Every word <see cref="Units"/>, <see cref="Scales"/> and <see cref="Magnitudes"/> know, for one lookup per word.</summary>
    private static readonly FrozenSet<string> NumberWords = Units.Keys.Concat(Scales.Keys).Concat(Magnitudes.Keys).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ChangeVerbs =
        ["rose", "risen", "rising", "increased", "increasing", "grew", "grown", "jumped", "climbed", "fell", "fallen",
         "dropped", "declined", "surged", "soared", "went", "up", "down"];

    public static bool IsScaleWord(string lower) => Scales.ContainsKey(StripStrong(lower));

    /// <summary>
    /// Whether a sentence may have a number token: false only when it has no digit and no number word anywhere, not even
    /// inside another word ("someone"). Cheaper than tokenizing. Word tokens are lower-cased per character, and the only
    /// non-ASCII character that lower-cases to ASCII is the Kelvin sign ("k"), which no number word contains.
    /// </summary>
    public static bool MayHaveNumber(string sentence) =>
        sentence.AsSpan().ContainsAnyInRange('0', '9') || sentence.AsSpan().ContainsAny(NumberWordsAnyCase);

    private static readonly SearchValues<string> NumberWordsAnyCase = SearchValues.Create([.. NumberWords], StringComparison.OrdinalIgnoreCase);

    public static bool IsNumberWord(string lower) =>
        NumberWords.Contains(lower) || lower.Contains('-', StringComparison.Ordinal) && IsHyphenated(lower, out _);

    /// <summary>Parses the number starting at token <paramref name="i"/>, or returns null.</summary>
    public static NumberSpan? TryParse(List<Token> t, int i)
    {
        var first = ParseOne(t, i);
        if (first is null) return null;
        if (first.Magnitude is not null) return first;

        var start = i;
        var between = i > 0 && t[i - 1].Is("between");
        var from = i > 0 && t[i - 1].Is("from");
        var j = first.End;
        if (j + 1 < t.Count && (t[j].Text is "-" or "–" or "—" && t[j].Start == t[j - 1].End || t[j].Is("to") || between && t[j].Is("and")))
        {
            var second = ParseOne(t, j + 1);
            if (second is not null && second.Magnitude is null && second.Spelled == first.Spelled)
            {
                var low = first.Value;
                // "1 to 2 million": the low end borrows the scale of the high end.
                if (low > 0 && low < 1000 && second.Value >= 1000 * low && !HasScale(t, first)) low *= ScaleOf(t, second);
                if (second.Value > low)
                {
                    var isChange = from && i >= 2 && ChangeVerbs.Contains(t[i - 2].Lower);
                    if (between || from) start = i - 1;
                    return isChange
                        ? new NumberSpan(start, second.End, second.Value, null) { IsChange = true, Spelled = first.Spelled }
                        : new NumberSpan(start, second.End, low, second.Value) { Spelled = first.Spelled, Strong = second.Strong };
                }
            }
        }
        return first;
    }

    private static bool HasScale(List<Token> t, NumberSpan n) => n.End - n.Start > 1 && IsScaleWord(t[n.End - 1].Lower);

    private static double ScaleOf(List<Token> t, NumberSpan n) =>
        HasScale(t, n) ? Scales[StripStrong(t[n.End - 1].Lower)] : 1;

    private static string StripStrong(string lower) => lower.EndsWith("-strong", StringComparison.Ordinal) ? lower[..^7] : lower;

    private static NumberSpan? ParseOne(List<Token> t, int i)
    {
        var tok = t[i];
        if (tok.IsNumber)
        {
            var value = double.Parse(tok.Text.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture);
            // "1.2 million", "1.6-million" (hyphen glued on both sides).
            var scaleAt = i + 1 < t.Count && t[i + 1].IsWord ? i + 1
                : i + 2 < t.Count && t[i + 1].Text == "-" && t[i + 1].Start == tok.End && t[i + 2].Start == t[i + 1].End && t[i + 2].IsWord ? i + 2 : -1;
            if (scaleAt > 0 && IsScaleWord(t[scaleAt].Lower))
            {
                var scaleWord = t[scaleAt].Lower;
                var scale = Scales[StripStrong(scaleWord)];
                // "8,794,726 million": the digits are already complete; the stray scale word is a typo.
                if (tok.Text.Count(c => c == ',') >= 2 && scale >= 1_000_000) scale = 1;
                return new NumberSpan(i, scaleAt + 1, value * scale, null)
                {
                    Strong = scaleWord.EndsWith("-strong", StringComparison.Ordinal),
                };
            }
            var bare = !tok.Text.Contains(',') && !tok.Text.Contains('.');
            return new NumberSpan(i, i + 1, value, null) { Bare = bare };
        }
        if (!tok.IsWord) return null;
        return ParseMagnitude(t, i) ?? ParseSpelled(t, i);
    }

    private static NumberSpan? ParseMagnitude(List<Token> t, int i)
    {
        // "tens of thousands", "hundreds of thousands", then plain "thousands", "dozens".
        if ((t[i].Is("tens") || t[i].Is("hundreds")) && i + 2 < t.Count && t[i + 1].Is("of") &&
            (t[i + 2].Is("thousands") || t[i + 2].Is("millions")))
        {
            var v = (t[i].Is("tens") ? 10 : 100) * Magnitudes[t[i + 2].Lower];
            return new NumberSpan(i, i + 3, v, null) { Magnitude = $"{t[i].Lower} of {t[i + 2].Lower}", Spelled = true };
        }
        return Magnitudes.TryGetValue(t[i].Lower, out var m)
            ? new NumberSpan(i, i + 1, m, null) { Magnitude = t[i].Lower, Spelled = true }
            : null;
    }

    private static NumberSpan? ParseSpelled(List<Token> t, int i)
    {
        var j = i;
        double total = 0, current = 0;
        var any = false;
        var strong = false;
        // "a dozen", "a million", "half a million"
        if ((t[j].Is("a") || t[j].Is("an")) && j + 1 < t.Count && Scales.ContainsKey(StripStrong(t[j + 1].Lower)))
        {
            current = 1;
            j++;
        }
        else if (t[j].Is("half") && j + 2 < t.Count && t[j + 1].Is("a") && Scales.ContainsKey(t[j + 2].Lower))
        {
            current = 0.5;
            j += 2;
        }
        while (j < t.Count && t[j].IsWord)
        {
            var w = t[j].Lower;
            if (Units.TryGetValue(w, out var u)) current += u;
            else if (IsHyphenated(w, out var h)) current += h;
            else if (Scales.TryGetValue(StripStrong(w), out var s))
            {
                if (current == 0) current = 1;
                strong |= w.EndsWith("-strong", StringComparison.Ordinal);
                if (s >= 1000) { total += current * s; current = 0; }
                else current *= s;
            }
            else if (w == "and" && any && j + 1 < t.Count && (Units.ContainsKey(t[j + 1].Lower) || IsHyphenated(t[j + 1].Lower, out _)))
            {
                j++;
                continue;
            }
            else break;
            any = true;
            j++;
        }
        if (!any) return null;
        return new NumberSpan(i, j, total + current, null) { Spelled = true, Strong = strong };
    }

    private static bool IsHyphenated(string w, out double value)
    {
        value = 0;
        var dash = w.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0) return false;
        if (Units.TryGetValue(w[..dash], out var tens) && tens >= 20 && tens % 10 == 0 &&
            Units.TryGetValue(w[(dash + 1)..], out var unit) && unit is > 0 and < 10)
        {
            value = tens + unit;
            return true;
        }
        return false;
    }
}
