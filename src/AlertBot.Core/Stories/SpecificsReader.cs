using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AlertBot.Core.Stories;

/// <summary>
/// Reads <see cref="Specifics"/> from a report's title and first sentence. Patterns are about news in general
/// (magnitudes, calendar dates, numbered rounds and flights, named operations, numbered names), not any one story.
/// </summary>
internal static partial class SpecificsReader
{
    private const string MonthNames = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly SearchValues<string> MonthStarts =
        SearchValues.Create(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], StringComparison.Ordinal);

    private static readonly SearchValues<string> OrdinalNouns = SearchValues.Create(
        ["round", "flight", "launch", "debate", "ballot", "vote", "leg", "game", "match", "test", "attempt", "wave", "run"], StringComparison.OrdinalIgnoreCase);

    private static readonly Dictionary<string, int> OrdinalValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["1st"] = 1, ["maiden"] = 1, ["inaugural"] = 1, ["second"] = 2, ["2nd"] = 2, ["third"] = 3,
        ["3rd"] = 3, ["fourth"] = 4, ["4th"] = 4, ["fifth"] = 5, ["5th"] = 5, ["sixth"] = 6, ["6th"] = 6,
        ["seventh"] = 7, ["7th"] = 7, ["eighth"] = 8, ["8th"] = 8, ["ninth"] = 9, ["9th"] = 9, ["tenth"] = 10, ["10th"] = 10,
    };

    /// <summary>Names followed by a number that measure rather than identify ("Category 4" strengthens to 5 within one storm).</summary>
    private static readonly HashSet<string> MeasureHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "category", "level", "phase", "stage", "tier", "covid", "top", "grade", "code", "alert", "force", "magnitude",
        "about", "over", "nearly", "almost", "some", "around", "more", "than", "least", "up",
    };

    public static Specifics Read(string title, string firstSentence, DateOnly published, IReadOnlyList<StoryWord> titleWords,
        IReadOnlyList<StoryWord> sentenceWords, WordSet textProperWords)
    {
        var lead = title + " \n " + firstSentence;
        // In a Title Case headline every verb looks like a name ("Quake Kills 296"): numbered names come from the sentence.
        var titleCase = LocationReader.IsTitleCase(titleWords);
        return new Specifics(
            FirstMagnitude(title) ?? FirstMagnitude(firstSentence),
            FirstDate(title, published) ?? FirstDate(firstSentence, published),
            Ordinals(lead),
            Operations(lead),
            Identifiers(titleCase ? firstSentence : lead),
            LocationReader.Read(titleWords, sentenceWords, textProperWords),
            NameReader.Read(titleWords, textProperWords),
            [.. Recurrence(titleWords), .. Recurrence(sentenceWords)]);
    }

    internal static double? FirstMagnitude(string text)
    {
        var m = Magnitude().Match(text);
        if (!m.Success) return null;
        var value = m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["b"].Success ? m.Groups["b"].Value : m.Groups["c"].Value;
        return double.Parse(value, CultureInfo.InvariantCulture);
    }

    internal static DateOnly? FirstDate(string text, DateOnly published)
    {
        // Every date names its month: without one of their (case-sensitive) first three letters the pattern cannot match.
        if (!text.AsSpan().ContainsAny(MonthStarts)) return null;
        foreach (Match m in Date().Matches(text))
        {
            // "since Wednesday (1 February)", "until Oct. 30": a date the event is measured from or to, not its own.
            if (BoundaryBefore().IsMatch(text.AsSpan(0, m.Index))) continue;
            var monthName = m.Groups["m1"].Success ? m.Groups["m1"].Value : m.Groups["m2"].Value;
            var month = Array.IndexOf(Months, monthName[..3].ToLowerInvariant()) + 1;
            var day = int.Parse(m.Groups["d1"].Success ? m.Groups["d1"].Value : m.Groups["d2"].Value, CultureInfo.InvariantCulture);
            var yearGroup = m.Groups["y1"].Success ? m.Groups["y1"] : m.Groups["y2"];
            if (month <= 0 || day is < 1 or > 31) continue;
            if (yearGroup.Success)
            {
                var year = int.Parse(yearGroup.Value, CultureInfo.InvariantCulture);
                if (day <= DateTime.DaysInMonth(year, month)) return new DateOnly(year, month, day);
                continue;
            }
            // No year printed: the year that puts the date nearest the report's own date.
            DateOnly? best = null;
            for (var year = published.Year - 1; year <= published.Year + 1; year++)
            {
                if (day > DateTime.DaysInMonth(year, month)) continue;
                var candidate = new DateOnly(year, month, day);
                if (best is null || Math.Abs(candidate.DayNumber - published.DayNumber) < Math.Abs(best.Value.DayNumber - published.DayNumber)) best = candidate;
            }
            if (best is not null) return best;
        }
        return null;
    }

    internal static List<string> Ordinals(string text)
    {
        var result = new List<string>();
        // Most leads name none of the nouns an ordinal counts, nor a run-off: a vectorised search rules both out. Only
        // ASCII text is ruled out so: ignoring case, the patterns and the search could differ on other letters.
        if (!text.AsSpan().ContainsAny(OrdinalNouns) && Ascii.IsValid(text)) return result;
        foreach (Match m in Ordinal().Matches(text))
        {
            var noun = m.Groups["noun"].Value.ToLowerInvariant();
            if (noun is "vote" or "ballot") noun = "round";
            Add(result, $"{noun}#{OrdinalValues[m.Groups["ord"].Value]}");
        }
        if (Runoff().IsMatch(text)) Add(result, "round#2");
        return result;
    }

    internal static List<string> Operations(string text)
    {
        var result = new List<string>();
        foreach (Match m in Operation().Matches(text)) Add(result, "operation " + m.Groups["name"].Value.ToLowerInvariant());
        return result;
    }

    internal static List<string> Identifiers(string text)
    {
        var result = new List<string>();
        foreach (Match m in Identifier().Matches(text))
        {
            var head = m.Groups["head"].Value;
            if (MeasureHeads.Contains(head) || StopWords.Contains(head.ToLowerInvariant())) continue;
            var number = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (number is >= 1900 and <= 2100) continue;
            Add(result, $"{head.ToLowerInvariant()}#{number}");
        }
        return result;
    }

    /// <summary>The stems of up to three words after "another", "fresh" or "renewed", stop words skipped.</summary>
    internal static List<int> Recurrence(IReadOnlyList<StoryWord> words)
    {
        var stems = new List<int>();
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Folded is not ("another" or "fresh" or "renewed")) continue;
            for (var j = i + 1; j < words.Count && j <= i + 3; j++)
            {
                if (words[j].StemId >= 0 && !words[j].Stop) stems.Add(words[j].StemId);
                if (!words[j].JoinedToNext) break;
            }
        }
        return stems;
    }

    private static void Add(List<string> list, string value)
    {
        if (!list.Contains(value)) list.Add(value);
    }

    [GeneratedRegex(@"(?i:\bmagnitude)[\s-]*(?:of\s+)?(?<a>\d(?:\.\d)?)(?!\d)|(?<!\d)(?<b>\d(?:\.\d)?)[\s-]*(?i:magnitude|on the richter)|\bM\s?(?<c>\d\.\d)\b")]
    private static partial Regex Magnitude();

    [GeneratedRegex(@"\b(?<m1>" + MonthNames + @")\.?\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?(?![\d:.,]\d)(?:,?\s+(?<y1>(?:19|20)\d\d))?\b|\b(?<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m2>" + MonthNames + @")\b\.?(?:,?\s+(?<y2>(?:19|20)\d\d)\b)?")]
    private static partial Regex Date();

    [GeneratedRegex(@"(?i)\b(?<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th|maiden|inaugural)\s+(?:[a-z-]+\s+)?(?<noun>round|flight|launch|debate|ballot|vote|leg|game|match|test|attempt|wave)s?\b")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"(?i)\b(?:since|until|till|after|before|following|from|ahead\s+of|by)\s+(?:\w+\s*[,(]?\s*)?$")]
    private static partial Regex BoundaryBefore();

    [GeneratedRegex(@"(?i)\brun-?offs?\b")]
    private static partial Regex Runoff();

    [GeneratedRegex(@"\bOperation\s+(?<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")]
    private static partial Regex Operation();

    [GeneratedRegex(@"\b(?<head>[A-Z][A-Za-z]*)[ -](?<n>\d{1,4})\b(?![.,:]\d)(?!\s*(?i:%|percent|per\b|km\b|kilomet|miles?\b|feet\b|ft\b|met(?:er|re)s?\b|people|dead|killed|injured|years?\b|days?\b|hours?\b|minutes?\b|times\b|million|billion|thousand|a\.m|p\.m|am\b|pm\b|GMT|UTC))")]
    private static partial Regex Identifier();

}
