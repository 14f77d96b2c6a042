namespace AlertBot.Core.Stories;

/// <summary>
/// Specifics that veto a merge however many words a report shares with a story: a new occurrence of the same kind
/// of event shares its vocabulary, not its place, date, magnitude, round or name. Each check needs both sides to
/// state the specific; one that is silent never vetoes.
/// </summary>
internal static class StoryConflicts
{
    /// <summary>Magnitudes of one earthquake differ by agency (USGS 7.8, AFAD 7.7), not by more.</summary>
    private const double MagnitudeTolerance = 0.3;

    /// <summary>Time zones and overnight events put one occurrence on two dates.</summary>
    private const int DateToleranceDays = 1;

    /// <summary>
    /// The reason the report cannot join the story, or null when nothing conflicts. A <paramref name="copy"/> of a
    /// report in the story is only checked for conflicting numbers and places (a wire template filled in with another
    /// date, magnitude or place is another event); its names and wording are the story's own.
    /// </summary>
    public static string? Find(StoryProfile report, Story story, bool copy = false)
    {
        var s = report.Specifics;
        if (s.Magnitude is { } m && story.Magnitudes.Count > 0 && story.Magnitudes.TrueForAll(x => Math.Abs(x - m) > MagnitudeTolerance))
            return $"magnitude {m} vs {string.Join("/", story.Magnitudes)}";
        if (s.EventDate is { } d && DateConflicts(d, story))
            return $"date {d:yyyy-MM-dd} vs {string.Join("/", story.EventDates.Select(x => x.ToString("yyyy-MM-dd", null)))}";
        if (NumberedConflict(s.Ordinals, story.Ordinals) is { } ordinal) return $"ordinal {ordinal}";
        if (s.Operations.Count > 0 && story.Operations.Count > 0 && !s.Operations.Any(story.Operations.Contains))
            return $"operation {s.Operations[0]} vs {story.Operations[0]}";
        if (NumberedConflict(s.Identifiers, story.Identifiers) is { } identifier) return $"identifier {identifier}";
        if (Disjoint(report, report.Specifics.Locations, story, story.Locations)) return "place";
        if (copy) return null;
        if (Disjoint(report, report.Specifics.Names, story, story.Names)) return "names";
        if (!story.FirstRecurrence && DayOf(story.Start) < DayOf(report.Published) && s.Recurrence.Any(id => Array.BinarySearch(story.Terms.Ids, id) >= 0))
            return "another occurrence";
        return null;
    }

    /// <summary>A calendar date in the report far from every date the story's reports gave and from its first day.</summary>
    private static bool DateConflicts(DateOnly date, Story story)
    {
        var near = (DateOnly x) => Math.Abs(x.DayNumber - date.DayNumber) <= DateToleranceDays;
        return !near(DayOf(story.Start)) && !story.EventDates.Exists(x => near(x));
    }

    /// <summary>The same name or count with different numbers ("flight#1" vs "flight#2"), and no number in common.</summary>
    private static string? NumberedConflict(IReadOnlyList<string> mine, List<string> theirs)
    {
        if (mine.Count == 0 || theirs.Count == 0) return null;
        foreach (var item in mine)
        {
            var head = item[..(item.IndexOf('#', StringComparison.Ordinal) + 1)];
            var same = theirs.Where(t => t.StartsWith(head, StringComparison.Ordinal)).ToList();
            if (same.Count > 0 && !mine.Any(same.Contains)) return $"{item} vs {same[0]}";
        }
        return null;
    }

    /// <summary>
    /// Both name where it happened (or whom the headline is about), and neither's name appears in the other: the
    /// report's places are not among the story's capitalised words, and no place of the story is among the report's
    /// words ("over Lake Huron" vs "over Alaska"; "Liz Truss" vs "Boris Johnson"). A region and a town inside it, or a
    /// person and their office, pass as long as either report mentions the other.
    /// </summary>
    private static bool Disjoint(StoryProfile report, IReadOnlyList<uint[]> mine, Story story, List<uint[]> theirs)
    {
        if (mine.Count == 0 || theirs.Count == 0) return false;
        for (var i = 0; i < mine.Count; i++)
        {
            if (AllIn(mine[i], story.ProperWords)) return false;
        }
        foreach (var name in theirs)
        {
            if (AllIn(name, report.Words)) return false;
        }
        return true;
    }

    private static bool AllIn(uint[] name, WordSet words)
    {
        foreach (var h in name)
        {
            if (!words.Contains(h)) return false;
        }
        return true;
    }

    private static DateOnly DayOf(DateTimeOffset t) => DateOnly.FromDateTime(t.UtcDateTime);
}
