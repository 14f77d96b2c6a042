using System.Collections.Frozen;

namespace AlertBot.Core.Stories;

/// <summary>
/// Finds where a report says its event happened: a capitalised name right after a place preposition
/// ("over Lake Huron", "in Hatay, the southern province", "off the coast of South Carolina", "in Boca Chica, Texas",
/// "in Cyprus and Lebanon"). A name used as an adjective ("in British history", "in US territorial waters") is
/// not a place; titles ("in President Biden's") and calendar words are not either. No gazetteer: any place the
/// report names this way counts, and it only ever has to be compared with the places of another report.
/// </summary>
internal static class LocationReader
{
    private const int MaxWordsPerPlace = 4;

    private static readonly FrozenSet<string> Prepositions = new HashSet<string>(StringComparer.Ordinal) { "in", "over", "off", "near", "across", "into", "inside" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Modifiers = new HashSet<string>(StringComparer.Ordinal)
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast", "northwest",
        "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "coastal", "rural",
        "remote", "downtown", "neighbouring", "neighboring", "nearby", "mountainous", "far",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Common nouns that a place name may qualify and still be the place ("the South Carolina coast").</summary>
    private static readonly FrozenSet<string> PlaceNouns = new HashSet<string>(StringComparer.Ordinal)
    {
        "coast", "coastline", "border", "region", "province", "state", "county", "city", "town", "village", "area", "waters",
        "airspace", "skies", "sky", "mainland", "district", "capital", "island", "islands", "river", "sea", "lake", "bay",
        "valley", "mountains", "desert", "peninsula", "strait", "gulf", "port", "harbor", "harbour", "suburb", "suburbs",
        "neighborhood", "neighbourhood", "prefecture", "territory", "municipality", "countryside", "highway", "street",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Capitalised words that start a person's title, not a place.</summary>
    private static readonly FrozenSet<string> PersonTitles = new HashSet<string>(StringComparer.Ordinal)
    {
        "president", "prime", "minister", "king", "queen", "prince", "princess", "pope", "sir", "senator", "sen", "rep",
        "governor", "gov", "general", "gen", "chancellor", "secretary", "judge", "justice", "mayor", "chief", "lord",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Places so wide that nearly every report of their news names them, mostly as an actor ("US jets", "the UK
    /// government"): they neither tell two events apart nor tie a report to a story, so they are not kept.
    /// </summary>
    private static readonly HashSet<uint> Broad =
        [.. new[] { "usa", "uk", "eu", "un", "america", "europe", "asia", "africa", "world", "west" }.Select(w => WordHash.Of(w))];

    public static IReadOnlyList<uint[]> Read(IReadOnlyList<StoryWord> title, IReadOnlyList<StoryWord> sentence, WordSet textProperWords)
    {
        var places = new List<uint[]>();
        var titleCase = IsTitleCase(title);
        foreach (var place in ReadFrom(title))
        {
            // In a Title Case headline every word is capitalised: keep a name only if the text capitalises it too.
            if (titleCase && textProperWords.Count > 0 && !place.All(textProperWords.Contains)) continue;
            AddDistinct(places, place);
        }
        foreach (var place in ReadFrom(sentence)) AddDistinct(places, place);
        return places;
    }

    /// <summary>True for a headline whose longer words are nearly all capitalised ("Earthquake Hits Turkey in Dead of Night").</summary>
    public static bool IsTitleCase(IReadOnlyList<StoryWord> title)
    {
        int longer = 0, capitalised = 0;
        for (var i = 1; i < title.Count; i++)
        {
            if (title[i].Folded.Length <= 3 || char.IsDigit(title[i].Folded[0])) continue;
            longer++;
            if (title[i].Capitalized) capitalised++;
        }
        return longer >= 3 && capitalised * 4 >= longer * 3;
    }

    private static IEnumerable<uint[]> ReadFrom(IReadOnlyList<StoryWord> words)
    {
        for (var i = 0; i < words.Count - 1; i++)
        {
            if (!Prepositions.Contains(words[i].Folded) || !words[i].JoinedToNext) continue;
            var j = i + 1;
            if (words[j].Folded == "the" && words[j].JoinedToNext) j++;
            // "the coast of X", "the province of X"
            if (j + 2 < words.Count && !words[j].Capitalized && PlaceNouns.Contains(words[j].Folded) && words[j + 1].Folded == "of") j += 2;
            while (j < words.Count - 1 && IsModifier(words[j]) && words[j].JoinedToNext) j++;
            foreach (var place in Names(words, j)) yield return place;
        }
    }

    /// <summary>One name at <paramref name="j"/>, and the names listed after it ("Cyprus and Lebanon", "Boca Chica, Texas").</summary>
    private static List<uint[]> Names(IReadOnlyList<StoryWord> words, int j)
    {
        var names = new List<uint[]>();
        while (names.Count < 3 && j < words.Count && IsNameStart(words[j]))
        {
            var name = new List<uint>();
            var end = j;
            while (end < words.Count && name.Count < MaxWordsPerPlace)
            {
                name.Add(words[end].Hash);
                if (!words[end].JoinedToNext) break;
                if (end + 1 < words.Count && words[end + 1].Capitalized && !words[end + 1].Stop) { end++; continue; }
                // "Gulf of Mexico", "Bay of Bengal"
                if (end + 2 < words.Count && words[end + 1].Folded == "of" && words[end + 1].JoinedToNext && words[end + 2].Capitalized) { end += 2; continue; }
                break;
            }
            if (IsAdjective(words, end)) return names;
            names.Add([.. name]);
            // A list goes on after "and" or a comma with another name.
            var next = end + 1;
            if (next < words.Count && words[next].Folded is "and" or "or" && words[end].JoinedToNext) next++;
            if (next >= words.Count || !IsNameStart(words[next])) break;
            j = next;
        }
        return names;
    }

    /// <summary>"northern", "Northeastern", "south" are not part of the name; "South" in "South Carolina" is.</summary>
    private static bool IsModifier(StoryWord word) =>
        Modifiers.Contains(word.Folded) && (!word.Capitalized || word.Folded.EndsWith("ern", StringComparison.Ordinal) || !IsCompassPoint(word.Folded));

    private static bool IsCompassPoint(string folded) => folded is "north" or "south" or "east" or "west" or "northeast" or "northwest" or "southeast" or "southwest";

    private static bool IsNameStart(StoryWord word) =>
        word.Capitalized && !word.Stop && !PersonTitles.Contains(word.Folded) && !char.IsDigit(word.Folded[0]);

    /// <summary>A name followed by a lower-case word that is not a place noun, a function word or a verb is an adjective.</summary>
    private static bool IsAdjective(IReadOnlyList<StoryWord> words, int last)
    {
        if (!words[last].JoinedToNext || last + 1 >= words.Count) return false;
        var next = words[last + 1];
        if (next.Capitalized || char.IsDigit(next.Folded[0])) return false;
        return !PlaceNouns.Contains(next.Folded) && !next.Stop && !next.Folded.EndsWith("ed", StringComparison.Ordinal);
    }

    /// <summary>A one-word name among the broadest places ("US", "UK", "Europe").</summary>
    public static bool IsBroad(IReadOnlyList<uint> name) => name.Count == 1 && Broad.Contains(name[0]);

    private static void AddDistinct(List<uint[]> places, uint[] place)
    {
        if (IsBroad(place)) return;
        if (!places.Exists(p => p.AsSpan().SequenceEqual(place))) places.Add(place);
    }
}
