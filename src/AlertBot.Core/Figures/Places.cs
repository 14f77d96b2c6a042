using System.Collections.Frozen;

namespace AlertBot.Core.Figures;

/// <summary>
/// Countries and their adjectives, to say whose troops a figure counts ("North Korea has deployed 3,000 troops"
/// is about North Korean troops). General knowledge, not tied to any one story.
/// </summary>
internal static class Places
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.OrdinalIgnoreCase)
    {
        ["China"] = "Chinese", ["Japan"] = "Japanese", ["Vietnam"] = "Vietnamese", ["Ukraine"] = "Ukrainian",
        ["France"] = "French", ["Britain"] = "British", ["Great Britain"] = "British", ["United Kingdom"] = "British",
        ["UK"] = "British", ["United States"] = "U.S.", ["US"] = "U.S.", ["U.S"] = "U.S.", ["America"] = "American",
        ["Israel"] = "Israeli", ["Iran"] = "Iranian", ["Iraq"] = "Iraqi", ["Pakistan"] = "Pakistani",
        ["Afghanistan"] = "Afghan", ["Turkey"] = "Turkish", ["Türkiye"] = "Turkish", ["Poland"] = "Polish",
        ["Spain"] = "Spanish", ["Sweden"] = "Swedish", ["Finland"] = "Finnish", ["Denmark"] = "Danish",
        ["Netherlands"] = "Dutch", ["Germany"] = "German", ["Greece"] = "Greek", ["Sudan"] = "Sudanese",
        ["South Sudan"] = "South Sudanese", ["Lebanon"] = "Lebanese", ["Yemen"] = "Yemeni", ["Belarus"] = "Belarusian",
        ["Taiwan"] = "Taiwanese", ["Myanmar"] = "Myanmar", ["Thailand"] = "Thai", ["Philippines"] = "Filipino",
        ["Egypt"] = "Egyptian", ["Niger"] = "Nigerien", ["Mali"] = "Malian", ["Chad"] = "Chadian", ["Qatar"] = "Qatari",
        ["Kuwait"] = "Kuwaiti", ["Saudi Arabia"] = "Saudi", ["Bangladesh"] = "Bangladeshi", ["Nepal"] = "Nepalese",
        ["Portugal"] = "Portuguese", ["Switzerland"] = "Swiss", ["Ireland"] = "Irish", ["Scotland"] = "Scottish",
        ["Wales"] = "Welsh", ["Norway"] = "Norwegian", ["Hungary"] = "Hungarian", ["Peru"] = "Peruvian",
        ["Chile"] = "Chilean", ["Iceland"] = "Icelandic", ["Azerbaijan"] = "Azerbaijani", ["Uzbekistan"] = "Uzbek",
        ["Kazakhstan"] = "Kazakh", ["Gaza"] = "Gazan", ["Congo"] = "Congolese", ["Senegal"] = "Senegalese",
        ["Somalia"] = "Somali", ["Israel's"] = "Israeli", ["Cuba"] = "Cuban", ["Venezuela"] = "Venezuelan",
    };

    private static readonly FrozenSet<string> RegularA =
    [
        "Korea", "North Korea", "South Korea", "Russia", "Syria", "India", "Indonesia", "Libya", "Nigeria", "Ethiopia",
        "Somalia", "Kenya", "Georgia", "Armenia", "Estonia", "Latvia", "Lithuania", "Romania", "Bulgaria", "Serbia",
        "Croatia", "Bosnia", "Slovakia", "Slovenia", "Austria", "Australia", "Canada", "Colombia", "Bolivia", "Argentina",
        "Cambodia", "Malaysia", "Mongolia", "Algeria", "Tunisia", "Jordan", "Albania", "Moldova", "Eritrea", "Rwanda",
        "Uganda", "Tanzania", "Zambia", "Namibia", "Nicaragua", "Guatemala", "Mexico", "Brazil", "Italy", "Belgium",
        "Morocco", "Cyprus",
    ];

    private static readonly Dictionary<string, string> Adjectives = BuildAdjectives();

    /// <summary>Longest country name first, for scanning text.</summary>
    public static IReadOnlyList<string> Countries { get; } =
        Irregular.Keys.Concat(RegularA).Where(c => c.Length > 2 && !c.EndsWith("'s", StringComparison.Ordinal))
            .Distinct().OrderByDescending(c => c.Length).ToList();

    private static Dictionary<string, string> BuildAdjectives()
    {
        var map = new Dictionary<string, string>(Irregular, StringComparer.OrdinalIgnoreCase);
        foreach (var c in RegularA)
        {
            // Most "-a" countries take "-n" (Korea, Russia, Syria); the rest are listed.
            map[c] = c switch
            {
                "Jordan" => "Jordanian", "Mexico" => "Mexican", "Brazil" => "Brazilian", "Italy" => "Italian",
                "Belgium" => "Belgian", "Morocco" => "Moroccan", "Cyprus" => "Cypriot", "Canada" => "Canadian",
                "Argentina" => "Argentine",
                _ => c + "n",
            };
        }
        return map;
    }

    public static string? AdjectiveOf(string country) => Adjectives.TryGetValue(country, out var a) ? a : null;

    private static readonly HashSet<string> KnownDemonyms = new(BuildAdjectives().Values, StringComparer.OrdinalIgnoreCase)
    {
        "Western", "NATO", "Allied", "Kurdish", "Palestinian", "Houthi", "Chechen", "Soviet", "European", "Arab",
    };

    public static bool IsDemonym(string words) => KnownDemonyms.Contains(words);
}
