namespace AlertBot.Core.Articles;

/// <summary>
/// Picks the headline of a scraped plain-text article. The first line is meant to be the title, but scrapers
/// often put a category label ("World news") or a loader ("Loading Now") there, or start with the lead
/// paragraph itself (seed 003). The headline is the longest headline-shaped line of the page head.
/// </summary>
internal static class PlainTextTitle
{
    public static string Pick(string content)
    {
        var lines = content.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0) return "";
        string? best = null;
        var examined = 0;
        foreach (var line in lines)
        {
            if (LineShape.IsProse(line) && LineShape.WordCount(line) > 25)
            {
                // The page head ended; with no headline in it, look a little further for a heading.
                if (best is not null || ++examined > 3) break;
                continue;
            }
            if (IsHeadlineShaped(line) && (best is null || LineShape.WordCount(line) > LineShape.WordCount(best))) best = line;
            if (best is not null && examined > 0) break;
        }
        return best ?? FirstSentence(lines[0]);
    }

    private static bool IsHeadlineShaped(string line)
    {
        var words = LineShape.WordCount(line);
        return words is >= 3 and <= 30 && line.Length <= 250
            && !LineShape.IsTableRow(line) && !LineShape.IsTagList(line) && !LineShape.IsNameOnly(line)
            && !LineShape.IsMostlyUpperCase(line) && !FurniturePatterns.IsFurnitureLine(line)
            && !FurniturePatterns.IsBlockHeader(line) && !line.StartsWith('-') && !line.EndsWith(':');
    }

    private static string FirstSentence(string line)
    {
        var end = line.IndexOfAny(['.', '!', '?']);
        return end > 0 && end < 250 ? line[..(end + 1)] : line.Length <= 250 ? line : line[..250];
    }
}
