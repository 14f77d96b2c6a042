using System.Globalization;
using System.Security;
using System.Text;

namespace AlertBot.Benchmarks;

/// <summary>
/// The ingest benchmark's feeds, generated on request (deterministic per feed and item): RSS 2.0 with content:encoded
/// of about 1 KB of news text carrying figures — troops, tolls, money, rates, crowds — with sources for them, plus
/// the furniture real pages carry. Every twentieth item is a teaser whose full text is on its linked page. Bodies are
/// made up front (<see cref="Prepare"/>), and encoded with the server's origin filled in (<see cref="Bake"/>) before the
/// clock starts: serving one is a copy of ready bytes, so the measured allocation is the bot's, not the generator's.
/// </summary>
internal sealed class IngestFeeds
{
    private const string OriginMark = "{origin}";
    private readonly string?[] _feeds;
    private readonly byte[]?[] _baked;
    private readonly string?[] _bakedOrigins;
    private readonly Dictionary<string, byte[]> _pages;
    private readonly int _items;

    private IngestFeeds(string[] feeds, Dictionary<string, byte[]> pages, int items) =>
        (_feeds, _baked, _bakedOrigins, _pages, _items) = (feeds, new byte[feeds.Length][], new string[feeds.Length], pages, items);

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
        return new(Enumerable.Range(0, feeds).Select(f => Build(f, items)).ToArray(), pages, items);
    }

    /// <summary>Encodes each prepared feed for the origin it will be fetched from (its text is dropped: the bytes are what is served).</summary>
    public void Bake(Func<int, string> originOf)
    {
        for (var f = 0; f < _feeds.Length; f++)
        {
            var origin = originOf(f);
            _baked[f] = Encode(_feeds[f] ?? Build(f, _items), origin);
            _bakedOrigins[f] = origin;
            _feeds[f] = null;
        }
    }

    /// <summary>The feed, any index past the prepared ones (the warm-up feed) or for another origin made on the spot.</summary>
    public byte[] Feed(int feed, string origin)
    {
        if (feed < _baked.Length && _baked[feed] is { } baked && _bakedOrigins[feed] == origin) return baked;
        return Encode((feed < _feeds.Length ? _feeds[feed] : null) ?? Build(feed, _items), origin);
    }

    private static byte[] Encode(string feed, string origin) => Encoding.UTF8.GetBytes(feed.Replace(OriginMark, origin, StringComparison.Ordinal));

    private static bool IsTeaser(int item) => item % 20 == 19;

    private static readonly string[] s_places = ["Kursk", "Valencia", "Dhaka", "Manila", "Lagos", "Quito", "Tbilisi", "Lima", "Hanoi", "Accra"];
    private static readonly string[] s_claimants = ["the defence ministry", "local officials", "the United Nations", "police", "the central bank", "organisers", "rescue services", "the election commission"];

    private static readonly string[] s_leads =
    [
        "North Korea has sent about {0:N0} additional troops to the border near {1}, according to {2}, bringing the total deployed since October to more than {3:N0}.",
        "Floods in {1} have killed at least {4} people and displaced {0:N0} residents, {2} said on Tuesday, as rescue teams reached villages cut off since the weekend.",
        "The government approved a ${5}.{6} billion aid package for {1} on Monday; {2} said the money would reach {0:N0} families before the end of the month.",
        "Turnout in the {1} election reached {7}%, {2} said, with the ruling party winning {4} of the {3:N0} seats contested in Sunday's vote.",
        "An estimated {0:N0} people joined the protest in central {1} on Saturday, according to {2}; police put the crowd at about {3:N0}.",
        "Inflation in {1} rose to {7}.{6}% in October, {2} said, the highest rate since {8}, while unemployment held at {6}.{4}%.",
    ];

    private const string Body =
        " Officials said the figures could not be independently verified and cautioned that estimates vary widely between sources. " +
        "Analysts in the region noted that earlier reports had put the number lower, and that the situation remained fluid as more information emerged. " +
        "Aid groups called for access to the affected areas and warned that conditions could worsen in the coming days without further support. " +
        "A spokesperson declined to comment on the details but said a fuller statement would follow later in the week. " +
        "Residents described long queues at checkpoints and shortages of fuel and medicine, while neighbouring governments said they were monitoring events closely.";

    private static string Lead(int feed, int item)
    {
        var n = feed * 131 + item * 17;
        var args = new object[]
        {
            500 + n % 9000, s_places[n % s_places.Length], s_claimants[(n / 3) % s_claimants.Length], 10_000 + n % 90_000,
            3 + n % 200, 1 + n % 9, n % 10, 40 + n % 50, 1990 + n % 30,
        };
        return string.Format(CultureInfo.InvariantCulture, s_leads[(feed + item) % s_leads.Length], args);
    }

    private static string ArticleHtml(int feed, int item) =>
        $"<p>{SecurityElement.Escape(Lead(feed, item))}</p><p>{Body}</p><p>Related posts</p><p>Share this article</p>";

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
