namespace AlertBot.Core.Feeds.Parsing;

internal static partial class FeedDate
{
    private static readonly string[] HungarianMonths =
        ["január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember", "október", "november", "december"];

    private static readonly TimeSpan KoreaOffset = TimeSpan.FromHours(9);

    /// <summary>Korean (Korea time, "년 월 일" or "오전/오후") and Hungarian month-name dates seen in real feeds.</summary>
    private static DateTimeOffset? ParseLocalisedNumeric(string s)
    {
        if (s.Contains('년'))
        {
            var numbers = Numbers(s);
            return numbers.Count == 6 ? Build(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], KoreaOffset) : null;
        }
        var pm = s.Contains("오후", StringComparison.Ordinal);
        if (pm || s.Contains("오전", StringComparison.Ordinal))
        {
            var numbers = Numbers(s);
            if (numbers.Count != 6) return null;
            var hour = numbers[3] % 12 + (pm ? 12 : 0);
            return Build(numbers[0], numbers[1], numbers[2], hour, numbers[4], numbers[5], KoreaOffset);
        }
        for (var m = 0; m < HungarianMonths.Length; m++)
        {
            if (!s.Contains(HungarianMonths[m], StringComparison.OrdinalIgnoreCase)) continue;
            var replaced = s.Replace(HungarianMonths[m], (m + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
            return ParseIso(replaced);
        }
        return null;
    }

    private static List<int> Numbers(string s)
    {
        var list = new List<int>(6);
        var value = -1;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c)) value = (value < 0 ? 0 : value * 10) + (c - '0');
            else if (value >= 0) { list.Add(value); value = -1; }
            if (value > 100_000) return [];
        }
        if (value >= 0) list.Add(value);
        return list;
    }
}
