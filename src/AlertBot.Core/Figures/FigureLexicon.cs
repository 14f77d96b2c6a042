using System.Collections.Frozen;

namespace AlertBot.Core.Figures;

/// <summary>
/// The small closed word classes the extractor relies on. Counted things themselves are open-ended
/// (learnt from the text); only their grammar and a few normalisations are listed here.
/// </summary>
internal static class FigureLexicon
{
    /// <summary>Nouns for military personnel, normalised to "troops".</summary>
    public static readonly FrozenSet<string> TroopNouns =
        ["troops", "troop", "soldiers", "soldier", "servicemen", "servicemembers", "personnel", "conscripts", "recruits",
         "fighters", "reservists", "mercenaries", "marines", "paratroopers", "commandos", "forces", "infantrymen", "men"];

    /// <summary>Nouns for a whole armed force: a number attached to them is its size.</summary>
    public static readonly FrozenSet<string> ArmyNouns = ["army", "armies", "military", "militia", "navy"];

    /// <summary>Military units: "men" near them are troops.</summary>
    public static readonly FrozenSet<string> UnitNouns = ["brigade", "battalion", "regiment", "division", "contingent", "unit", "units", "corps", "force", "forces"];

    /// <summary>Nouns that already are a measure.</summary>
    public static readonly FrozenDictionary<string, string> MeasureNouns = new Dictionary<string, string>
    {
        ["casualties"] = "casualties", ["casualty"] = "casualties",
        ["deaths"] = "killed", ["dead"] = "killed", ["fatalities"] = "killed", ["toll"] = "killed", ["lives"] = "killed",
        ["injuries"] = "injured", ["wounded"] = "injured", ["injured"] = "injured",
        ["prisoners"] = "prisoners", ["pows"] = "prisoners", ["refugees"] = "refugees", ["losses"] = "casualties",
        ["hostages"] = "hostages", ["votes"] = "votes", ["seats"] = "seats", ["jobs"] = "jobs",
    }.ToFrozenDictionary();

    /// <summary>People who hold a seat: a count of them is a count of seats ("412 MPs").</summary>
    public static readonly FrozenSet<string> SeatHolders = ["mps", "lawmakers", "legislators", "deputies", "senators", "councillors", "councilors", "meps"];

    /// <summary>Heads that stand for a tally of some measure ("the death toll rose to", "the number of dead", "the figure").</summary>
    public static readonly FrozenSet<string> TallyNouns = ["toll", "number", "tally", "count", "total", "figure", "figures", "numbers"];

    /// <summary>Plural nouns of places: "in 38 cities", "to 21 states" say where, not how many were affected.</summary>
    public static readonly FrozenSet<string> PlaceNouns =
        ["cities", "towns", "villages", "states", "countries", "provinces", "districts", "regions", "counties", "nations",
         "municipalities", "locations", "sites", "areas", "neighbourhoods", "neighborhoods", "divisions", "islands", "territories"];

    /// <summary>Event verbs in any form, to the participle used in a measure ("troops deployed").</summary>
    public static readonly FrozenDictionary<string, string> EventVerbs = new Dictionary<string, string>
    {
        ["deploy"] = "deployed", ["deploys"] = "deployed", ["deployed"] = "deployed", ["deploying"] = "deployed",
        ["send"] = "deployed", ["sends"] = "deployed", ["sent"] = "deployed", ["sending"] = "deployed",
        ["dispatch"] = "deployed", ["dispatched"] = "deployed", ["dispatching"] = "deployed", ["stationed"] = "deployed",
        ["kill"] = "killed", ["killed"] = "killed", ["died"] = "killed", ["die"] = "killed", ["slain"] = "killed",
        ["injure"] = "injured", ["injured"] = "injured", ["wounded"] = "injured", ["hurt"] = "injured",
        ["train"] = "in training", ["training"] = "in training", ["trained"] = "in training",
        ["captured"] = "captured", ["capture"] = "captured", ["missing"] = "missing",
        ["arrested"] = "arrested", ["detained"] = "detained", ["evacuated"] = "evacuated", ["displaced"] = "displaced",
        ["fled"] = "displaced", ["rescued"] = "rescued",
        ["mobilized"] = "mobilized", ["mobilised"] = "mobilized", ["mobilizing"] = "mobilized", ["mobilising"] = "mobilized",
        ["conscripted"] = "mobilized", ["lost"] = "lost", ["lose"] = "lost", ["losing"] = "lost",
        ["hostage"] = "taken hostage", ["abducted"] = "taken hostage", ["kidnapped"] = "taken hostage",
        ["killing"] = "killed", ["wounding"] = "injured", ["injuring"] = "injured", ["dead"] = "killed",
        ["held"] = "detained", ["homeless"] = "homeless", ["hospitalised"] = "hospitalised", ["hospitalized"] = "hospitalised",
        ["perished"] = "killed", ["drowned"] = "killed",
    }.ToFrozenDictionary();

    /// <summary>What <see cref="EventVerbs"/> map to: the measures an event verb can give.</summary>
    public static readonly FrozenSet<string> EventMeasures = EventVerbs.Values.ToFrozenSet();

    /// <summary>Measures about harm to people: the noun is not repeated ("300 soldiers killed" is "killed").</summary>
    public static readonly FrozenSet<string> HarmMeasures = ["killed", "injured", "casualties", "missing", "taken hostage", "homeless", "hospitalised"];

    /// <summary>Participles that say how a number is known, not what happened ("casualties have been recorded").</summary>
    public static readonly FrozenSet<string> NeutralParticiples =
        ["reported", "recorded", "estimated", "believed", "thought", "expected", "said", "confirmed", "counted",
         "registered", "documented", "involved", "included", "needed", "required", "located", "based", "seen", "noted",
         "listed", "known", "feared", "presumed", "assessed", "identified", "verified", "claimed"];

    /// <summary>Things counted that are not figures of a story: units, durations, page furniture, occasions.</summary>
    public static readonly FrozenSet<string> NonFigureNouns =
        ["km", "kms", "kilometers", "kilometres", "kilometer", "kilometre", "miles", "mile", "meters", "metres", "meter",
         "metre", "feet", "foot", "ft", "inches", "yards", "kg", "kilograms", "pounds", "lbs", "tons", "tonnes", "mph",
         "degrees", "percent", "per", "pct", "seconds", "second", "minutes", "minute", "min", "mins", "hours", "hour", "hrs",
         "days", "day", "weeks", "week", "months", "month", "years", "year", "decades", "decade", "centuries", "century",
         "year-old", "years-old", "month-old", "times", "time", "occasions", "occasion", "ways", "steps", "points", "sides",
         "comments", "comment", "shares", "share", "views", "likes", "replies", "reads", "read", "photos", "images",
         "pictures", "slides", "pages", "page", "posts", "articles", "subscribers", "followers", "stars", "crossposts",
         "rounds", "waves", "phases", "stages", "kph", "knots", "hectares", "acres",
         "dollars", "euros", "pounds", "yuan", "yen", "won", "rubles", "roubles", "hryvnias", "cents", "usd", "eur",
         "things", "reasons", "facts", "questions", "tips", "takeaways", "moments", "lessons", "charts", "maps",
         "am", "pm", "gmt", "utc", "bst", "est", "edt", "pst", "o'clock", "th", "st", "nd", "rd"];

    /// <summary>Words that label a number rather than count with it ("season 2", "Article 5").</summary>
    public static readonly FrozenSet<string> LabelWords =
        ["season", "episode", "chapter", "part", "page", "article", "resolution", "day", "phase", "round", "no",
         "number", "vol", "volume", "section", "level", "grade", "category", "class", "flight", "route", "highway",
         "war", "version", "model", "gate", "room", "floor", "row", "item", "step", "title", "act", "term", "week",
         "covid", "top", "figure", "table", "sum", "score", "aged", "age", "ages", "gen", "generation", "world", "apollo"];

    /// <summary>Qualifying words before a number, to their normal form.</summary>
    public static readonly (string[] Words, string Qualifier)[] Qualifiers =
    [
        (["an", "estimated"], "estimated"), (["estimated"], "estimated"),
        (["approximately"], "approximately"), (["about"], "approximately"), (["around"], "approximately"),
        (["roughly"], "approximately"), (["some"], "approximately"), (["circa"], "approximately"), (["approx"], "approximately"),
        (["more", "than"], "more than"), (["over"], "more than"), (["upwards", "of"], "more than"), (["in", "excess", "of"], "more than"),
        (["well", "over"], "more than"), (["just", "over"], "more than"),
        (["at", "least"], "at least"), (["a", "minimum", "of"], "at least"),
        (["up", "to"], "up to"), (["as", "many", "as"], "up to"), (["at", "most"], "up to"),
        (["nearly"], "nearly"), (["almost"], "nearly"), (["close", "to"], "nearly"), (["just", "under"], "nearly"),
        (["fewer", "than"], "less than"), (["less", "than"], "less than"), (["under"], "less than"),
        (["an", "additional"], "additional"), (["additional"], "additional"), (["another"], "additional"),
        (["a", "further"], "additional"), (["further"], "additional"), (["extra"], "additional"),
    ];

    /// <summary>Words between a number and its noun that qualify it ("3,000 additional troops", "500 more").</summary>
    public static readonly FrozenDictionary<string, string> PostQualifiers = new Dictionary<string, string>
    {
        ["additional"] = "additional", ["more"] = "additional", ["extra"] = "additional", ["further"] = "additional",
        ["new"] = "additional", ["fresh"] = "additional", ["estimated"] = "estimated",
    }.ToFrozenDictionary();

    /// <summary>Function words that end a noun phrase after a number.</summary>
    public static readonly FrozenSet<string> PhraseStops =
        ["to", "of", "in", "on", "at", "for", "from", "with", "by", "among", "into", "across", "along", "near", "since",
         "during", "after", "before", "and", "or", "but", "are", "were", "was", "is", "be", "been", "being", "have", "has",
         "had", "will", "would", "could", "may", "might", "can", "should", "must", "that", "which", "who", "whom", "whose",
         "reportedly", "allegedly", "also", "already", "now", "still", "currently", "so", "as", "than", "the", "a", "an",
         "this", "these", "those", "their", "its", "his", "her", "our", "per", "each", "while", "if", "when", "where",
         "under", "over", "against", "about", "around", "inside", "outside", "within", "through", "toward", "towards",
         "it", "they", "he", "she", "we", "you", "i", "not", "no", "only", "just", "yet", "there", "here", "said", "say",
         "says", "according", "did", "do", "does", "out", "up", "down", "off", "then", "last", "next", "ago", "earlier",
         "aboard", "ashore", "abroad", "overseas", "nationwide", "together", "so", "far", "altogether"];

    /// <summary>Auxiliaries and adverbs between a noun and its verb ("have been reportedly killed").</summary>
    public static readonly FrozenSet<string> Auxiliaries =
        ["are", "were", "was", "is", "be", "been", "being", "have", "has", "had", "will", "would", "could", "may", "might",
         "can", "should", "must", "reportedly", "allegedly", "also", "already", "now", "still", "currently", "recently",
         "likely", "possibly", "probably", "apparently", "since", "all", "either", "both", "not", "yet", "expected", "set",
         "due", "to", "going", "planned", "planning", "preparing", "about", "poised", "ready", "being", "getting", "got", "taken",
         "made", "left", "rendered", "so", "far", "now", "officially", "reported", "believed", "thought", "known", "feared", "said", "confirmed", "estimated", "presumed"];

    /// <summary>Auxiliaries that put the event in the future ("are expected to be deployed").</summary>
    public static readonly FrozenSet<string> FutureMarkers =
        ["will", "expected", "set", "due", "to", "going", "planned", "planning", "preparing", "poised", "ready", "plans", "plan"];

    public static readonly FrozenSet<string> Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
         "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

    public static readonly FrozenSet<string> Weekdays =
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>Determiners that make a small spelled number a reference, not a count ("the two leaders").</summary>
    public static readonly FrozenSet<string> ReferenceDeterminers =
        ["the", "these", "those", "its", "their", "his", "her", "our", "my", "your", "both", "all", "first", "last", "of"];

    /// <summary>
    /// Every word listed above, most of them the commonest words of news text ("the", "of", "said"): the tokenizer
    /// hands out these strings instead of allocating one per occurrence.
    /// </summary>
    public static readonly FrozenSet<string> Words =
        TroopNouns.Concat(ArmyNouns).Concat(UnitNouns).Concat(MeasureNouns.Keys).Concat(SeatHolders).Concat(TallyNouns)
            .Concat(PlaceNouns).Concat(EventVerbs.Keys).Concat(NeutralParticiples).Concat(NonFigureNouns).Concat(LabelWords)
            .Concat(Qualifiers.SelectMany(q => q.Words)).Concat(PostQualifiers.Keys).Concat(PhraseStops).Concat(Auxiliaries)
            .Concat(FutureMarkers).Concat(Months).Concat(Weekdays).Concat(ReferenceDeterminers)
            .Where(w => !w.Contains(' ', StringComparison.Ordinal)).ToFrozenSet(StringComparer.Ordinal);
}
