namespace AlertBot.Core.Stories;

/// <summary>
/// The names a headline is about: runs of capitalised words ("Liz Truss", "Lake Huron", "SpaceX"). The headline's
/// first word is capitalised anyway, so it counts only as part of a longer run ("Boris Johnson offers …"); stop
/// words and the broadest places are not names; in a Title Case headline a word counts only if the text capitalises it too.
/// </summary>
internal static class NameReader
{
    private const int MaxWordsPerName = 4;

    public static IReadOnlyList<uint[]> Read(IReadOnlyList<StoryWord> title, WordSet textProperWords)
    {
        var titleCase = LocationReader.IsTitleCase(title);
        var names = new List<uint[]>();
        var run = new List<uint>();
        var runStart = -1;
        for (var i = 0; i <= title.Count; i++)
        {
            var w = i < title.Count ? title[i] : default;
            var isName = i < title.Count && w.Capitalized && !w.Stop && !char.IsDigit(w.Folded[0])
                         && (!titleCase || textProperWords.Count == 0 || textProperWords.Contains(w.Hash));
            if (isName)
            {
                if (run.Count == 0) runStart = i;
                run.Add(w.Hash);
                if (w.JoinedToNext && run.Count < MaxWordsPerName) continue;
            }
            if (run.Count > 0 && (runStart > 0 || run.Count > 1) && !LocationReader.IsBroad(run)) names.Add([.. run]);
            run.Clear();
        }
        return names;
    }
}
