using System.Globalization;
using System.Security;
using System.Text;

namespace AlertBot.Benchmarks;

/// <summary>
/// The ingest benchmark's feeds, generated on request (deterministic per feed and item): RSS 2.0 with content:encoded
/// of about 1 KB of news text carrying figures — troops, tolls, money, rates, crowds — with sources for them, plus
/// the furniture real pages carry. Every twentieth item is a teaser whose full text is on its linked page. Bodies are
/// made up front and encoded with the server's origin filled in (<see cref="Bake"/>, teaser pages in <see cref="Prepare"/>)
/// before the clock starts: serving one is a copy of ready bytes, so the measured allocation is the bot's, not the generator's.
/// </summary>
internal sealed class IngestFeeds
{
    private const string OriginMark = "{origin}";
    private readonly byte[]?[] _baked;
    private readonly string?[] _bakedOrigins;
    private readonly Dictionary<string, byte[]> _pages;
    private readonly int _items;

    private IngestFeeds(int feeds, Dictionary<string, byte[]> pages, int items) =>
        (_baked, _bakedOrigins, _pages, _items) = (new byte[feeds][], new string[feeds], pages, items);

    public static IngestFeeds Prepare(int feeds, int items)
    {
        var pages = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var f = 0; f < feeds; f++)
        {
            for (var i = 0; i < items; i++)
            {
                if (IsTeaser(i)) pages[$"/page/{f}/{i}"] = Encoding.UTF8.GetBytes(PageHtml(f, i));
            }
        }
        return new(feeds, pages, items);
    }

    /// <summary>Makes and encodes each feed for the origin it will be fetched from (one at a time: only the bytes stay).</summary>
    public void Bake(Func<int, string> originOf)
    {
        for (var f = 0; f < _baked.Length; f++)
        {
            var origin = originOf(f);
            _baked[f] = Encode(Build(f, _items), origin);
            _bakedOrigins[f] = origin;
        }
    }

    /// <summary>The feed, any index past the prepared ones (the warm-up feed) or for another origin made on the spot.</summary>
    public byte[] Feed(int feed, string origin)
    {
        if (feed < _baked.Length && _baked[feed] is { } baked && _bakedOrigins[feed] == origin) return baked;
        return Encode(Build(feed, _items), origin);
    }

    private static byte[] Encode(string feed, string origin) => Encoding.UTF8.GetBytes(feed.Replace(OriginMark, origin, StringComparison.Ordinal));

    private static bool IsTeaser(int item) => item % 20 == 19;

    // Real places and people, so story reading finds places and names as it would in news.
    private static readonly string[] s_places =
    [
        "Kursk", "Valencia", "Dhaka", "Manila", "Lagos", "Quito", "Tbilisi", "Lima", "Hanoi", "Accra", "Nairobi", "Kharkiv", "Odesa",
        "Mosul", "Aleppo", "Gaza", "Khartoum", "Juba", "Goma", "Kinshasa", "Mogadishu", "Sanaa", "Kabul", "Karachi", "Lahore", "Chennai",
        "Kolkata", "Mumbai", "Colombo", "Yangon", "Bangkok", "Jakarta", "Surabaya", "Cebu", "Davao", "Osaka", "Sapporo", "Busan", "Taipei",
        "Wuhan", "Chengdu", "Almaty", "Bishkek", "Baku", "Yerevan", "Ankara", "Izmir", "Beirut", "Amman", "Tripoli", "Tunis", "Algiers",
        "Casablanca", "Dakar", "Bamako", "Niamey", "Abuja", "Kano", "Douala", "Luanda", "Harare", "Lusaka", "Maputo", "Durban", "Kampala",
        "Kigali", "Addis Ababa", "Asmara", "Caracas", "Bogota", "Medellin", "Guayaquil", "La Paz", "Santiago", "Valparaiso", "Rosario",
        "Montevideo", "Asuncion", "Recife", "Manaus", "Havana", "Port-au-Prince", "Tegucigalpa", "Managua", "Monterrey", "Tijuana", "Naples",
        "Palermo", "Seville", "Porto", "Lyon", "Marseille", "Gdansk", "Krakow", "Brno", "Debrecen", "Cluj", "Varna", "Thessaloniki", "Split",
    ];

    private static readonly string[] s_people =
    [
        "Okafor", "Haddad", "Nguyen", "Moreno", "Petrova", "Kovalenko", "Mensah", "Rahman", "Silva", "Tanaka", "Ibrahim", "Castillo",
        "Novak", "Yilmaz", "Mwangi", "Khalil", "Santos", "Park", "Adeyemi", "Lindqvist", "Duarte", "Karimov", "Osei", "Ferreira",
    ];

    private static readonly string[] s_claimants = ["the defence ministry", "local officials", "the United Nations", "police", "the central bank", "organisers", "rescue services", "the election commission"];
    private static readonly string[] s_days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>A kind of event: two ways outlets open a report of it, and sentences its reports go on with.</summary>
    private sealed record EventKind(string[] Leads, string[] Details);

    // {0} a count, {1} the place, {2} who says so, {3} a larger count, {4} a small count, {5}.{6} an amount, {7} a rate,
    // {8} a year, {9} the day, {10} a person; {11} a landmark, {12} something in short supply, {13} an occasion (background).
    private static readonly EventKind[] s_kinds =
    [
        new(["North Korea has sent about {0:N0} additional troops to the border near {1}, according to {2}, bringing the total deployed since October to more than {3:N0}.",
             "About {0:N0} more North Korean soldiers have arrived near {1}, {2} said on {9}, taking the deployment past {3:N0}."],
            ["Commander {10} said the units had moved at night along the railway line.", "Satellite images showed new barracks on the edge of {1}.",
             "Neighbouring governments summoned ambassadors over the deployment.", "Military analysts said the troops were likely to be used for artillery support."]),
        new(["Floods in {1} have killed at least {4} people and displaced {0:N0} residents, {2} said on {9}, as rescue teams reached villages cut off since the weekend.",
             "At least {4} people have died in flooding around {1}, {2} said, with {0:N0} forced from their homes."],
            ["The river rose {6} metres above its usual level overnight.", "Governor {10} declared a state of emergency across the province.",
             "Boats ferried stranded families to schools turned into shelters.", "Forecasters warned of more heavy rain before the end of the week."]),
        new(["The government approved a ${5}.{6} billion aid package for {1} on {9}; {2} said the money would reach {0:N0} families before the end of the month.",
             "A ${5}.{6} billion support plan for {1} was approved on {9}, and {2} said {0:N0} households would receive payments."],
            ["Finance minister {10} said the package would be paid for by cutting other spending.", "Opposition lawmakers called the plan too small and too late.",
             "The first transfers are due within two weeks.", "Business groups in {1} welcomed the measures but asked for tax relief as well."]),
        new(["Turnout in the {1} election reached {7}%, {2} said, with the ruling party winning {4} of the {3:N0} seats contested in {9}'s vote.",
             "Voters in {1} turned out at {7}%, according to {2}, and the ruling party took {4} seats of {3:N0}."],
            ["Candidate {10} conceded defeat late in the evening.", "Observers reported long queues but no serious irregularities.",
             "The new council will meet for the first time next month.", "Counting was delayed in two districts by a power cut."]),
        new(["An estimated {0:N0} people joined the protest in central {1} on {9}, according to {2}; police put the crowd at about {3:N0}.",
             "Around {0:N0} demonstrators marched through {1} on {9}, {2} said, while police counted some {3:N0}."],
            ["Organiser {10} said the marches would continue until the law was withdrawn.", "Shops along the main avenue closed early.",
             "Police detained {4} people after scuffles near the parliament.", "The interior ministry called the gathering unauthorised."]),
        new(["Inflation in {1} rose to {7}.{6}% in October, {2} said, the highest rate since {8}, while unemployment held at {6}.{4}%.",
             "Consumer prices in {1} climbed {7}.{6}% from a year earlier, {2} said, the fastest pace since {8}."],
            ["Food and energy accounted for most of the rise.", "Governor {10} signalled that interest rates could go up again.",
             "Wages have not kept pace with prices for a year.", "Economists had expected a smaller increase."]),
        new(["An earthquake of magnitude 5.{6} struck near {1} on {9}, killing at least {4} people, {2} said, and damaging {0:N0} buildings.",
             "At least {4} people were killed when a 5.{6}-magnitude quake hit {1}, {2} said; {0:N0} buildings were damaged."],
            ["Mayor {10} said rescuers were still searching collapsed apartment blocks.", "Aftershocks continued through the night.",
             "Schools across the region will stay closed until inspections are finished.", "Hospitals in {1} asked for blood donations."]),
        new(["Workers at the port of {1} began a strike on {9}, {2} said, with {0:N0} staff walking out over pay and {4} ships waiting offshore.",
             "About {0:N0} dock workers in {1} went on strike on {9}, according to {2}, leaving {4} vessels unable to unload."],
            ["Union leader {10} said talks with the operator had broken down.", "Exporters warned of losses running into millions a day.",
             "The labour ministry offered to mediate.", "Fuel deliveries to the city were the first to be affected."]),
    ];

    /// <summary>
    /// The event an item reports: several outlets report most events (a few big ones draw many reports), so the stories
    /// stage sees both new events and new reports of known ones, as on a real news day; events never share their text.
    /// </summary>
    private static int EventOf(int feed, int item)
    {
        var h = (uint)(feed * 7919 + item * 104729) * 2654435761u;
        // One report in ten is about one of twenty big stories; the rest spread over a pool of about one event per four reports.
        return h % 10 == 0 ? (int)(h / 10 % 20) : 20 + (int)(h / 10 % 5000);
    }

    private static string Format(string template, int e, int feed) =>
        string.Format(CultureInfo.InvariantCulture, template,
            500 + e * 37 % 9000, s_places[e / s_kinds.Length % s_places.Length], s_claimants[(e + feed) % s_claimants.Length], 10_000 + e * 53 % 90_000,
            3 + e % 200, 1 + e % 9, e % 10, 40 + e % 50, 1990 + e % 30, s_days[e % s_days.Length],
            s_people[e / (s_kinds.Length * s_places.Length) % s_people.Length], s_places2[e * 13 % s_places2.Length], s_goods[e * 5 % s_goods.Length],
            s_occasions[e * 3 % s_occasions.Length]);

    private static string Lead(int feed, int item)
    {
        var e = EventOf(feed, item);
        var kind = s_kinds[e % s_kinds.Length];
        return Format(kind.Leads[feed % kind.Leads.Length], e, feed);
    }

    // What reports of any event go on with; {11}, {12} and {13} are things particular to the event.
    private static readonly string[] s_background =
    [
        "Officials in {1} said the figures could not be independently verified.",
        "Earlier reports had put the numbers lower, and {2} said the situation remained fluid on {9}.",
        "Aid groups called for access to the {11} and warned that conditions could worsen.",
        "A spokesperson for {2} said a fuller statement would follow after {9}.",
        "Residents described queues outside the {11} and shortages of {12}.",
        "Footage shared online showed crowds gathering by the {11} as {12} ran short.",
        "The {11} and the nearby {12} depot were closed until further notice.",
        "Engineers were sent to inspect the {11}, which serves much of the district.",
        "Talks between {10} and community leaders at the {11} ended without agreement.",
        "Local radio said the {13} would be postponed because of the events.",
        "Prices of {12} in the city's markets doubled within days.",
        "Volunteers set up a kitchen in the {11} to feed families.",
        "Traffic was diverted away from the {11} for most of the day.",
        "Schools near the {11} sent pupils home early.",
        "Critics said warnings about the {11} had been ignored for years.",
        "The {13} had been expected to draw visitors from across the region.",
    ];

    private static readonly string[] s_places2 =
    [
        "railway station", "bridge", "stadium", "refinery", "cathedral", "harbour", "airport", "hospital", "market hall", "power plant",
        "university", "bus terminal", "ferry pier", "customs post", "grain silo", "textile mill", "water works", "town hall", "fish market",
        "cement factory", "border crossing", "military base", "shipyard", "courthouse", "library", "exhibition centre", "steel works", "dam",
    ];

    private static readonly string[] s_goods = ["bread", "fuel", "medicine", "cooking gas", "rice", "drinking water", "diesel", "flour", "baby formula", "cash", "insulin", "fertiliser"];

    private static readonly string[] s_occasions =
        ["film festival", "marathon", "trade fair", "football final", "jazz festival", "book fair", "harvest festival", "summit", "regatta", "food festival", "motor show", "chess olympiad"];

    /// <summary>
    /// The lead, two or three of the event kind's other sentences and six of background, chosen by the event and told in an
    /// order of the outlet's own (about 1 KB with the page furniture): reports of one event share most of their words,
    /// reports of two events of a kind share their kind's phrasing but little else.
    /// </summary>
    private static string ArticleHtml(int feed, int item)
    {
        var e = EventOf(feed, item);
        var kind = s_kinds[e % s_kinds.Length];
        var sentences = Enumerable.Range(0, 3).Select(k => Format(kind.Details[(e + k * (1 + e / 7 % 3)) % kind.Details.Length], e, feed)).Distinct().ToList();
        for (var k = 0; k < 6; k++) sentences.Add(Format(s_background[(e * 7 + k * 5 + e / 11) % s_background.Length], e, feed));
        var body = string.Join(' ', sentences.Select((_, k) => sentences[(k + feed) % sentences.Count]));
        return $"<p>{SecurityElement.Escape(Lead(feed, item))}</p><p>{SecurityElement.Escape(body)}</p><p>Related posts</p><p>Share this article</p>";
    }

    private static string Build(int feed, int items)
    {
        var sb = new StringBuilder(items * 1400);
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>");
        sb.Append(CultureInfo.InvariantCulture, $"<title>Outlet {feed}</title><link>https://outlet{feed}.example/</link><description>News</description>");
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = items - 1; i >= 0; i--)
        {
            var teaser = IsTeaser(i);
            var link = teaser ? $"{OriginMark}/page/{feed}/{i}" : $"https://outlet{feed}.example/news/{i}";
            sb.Append(CultureInfo.InvariantCulture, $"<item><title>{SecurityElement.Escape(Lead(feed, i)[..60])}</title><link>{link}</link>");
            sb.Append(CultureInfo.InvariantCulture, $"<guid isPermaLink=\"false\">outlet{feed}-{i}</guid><pubDate>{start.AddMinutes(feed + i * 37):r}</pubDate>");
            if (teaser) sb.Append("<description>").Append(SecurityElement.Escape(Lead(feed, i)[..80])).Append("…</description>");
            else sb.Append("<content:encoded><![CDATA[").Append(ArticleHtml(feed, i)).Append("]]></content:encoded>");
            sb.Append("</item>");
        }
        sb.Append("</channel></rss>");
        return sb.ToString();
    }

    /// <summary>The linked page of a teaser: /page/{feed}/{item}.</summary>
    public byte[] Page(string path)
    {
        if (_pages.TryGetValue(path, out var page)) return page;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Encoding.UTF8.GetBytes(PageHtml(int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture)));
    }

    private static string PageHtml(int feed, int item) =>
        $"<!doctype html><html><head><title>Story {feed}-{item}</title></head><body><nav>Home | World | Business</nav>" +
        $"<article><h1>Story {feed}-{item}</h1>{ArticleHtml(feed, item)}</article><footer>© Outlet {feed}</footer></body></html>";
}
