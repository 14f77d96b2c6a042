namespace AlertBot.Core.Feeds.Fetching;

/// <summary>The <c>Fetch</c> configuration section: how feeds are downloaded and how failing sources back off.</summary>
public sealed class FetchOptions
{
    public const string SectionName = "Fetch";
    public const string DefaultUserAgent = "AlertBot/1.0 (+https://github.com/alertbot)";

    /// <summary>Whole fetch, redirects and body included: a server that trickles bytes is cut off after this.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>TCP connect (DNS included) to one host.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest body accepted, counted after decompression so a gzip bomb is cut off too.</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    public int MaxRedirects { get; set; } = 5;

    /// <summary>Requests in flight to one host name at once, however many sources live on it.</summary>
    public int MaxConcurrentPerHost { get; set; } = 4;

    /// <summary>Source checks running at once (fetch, enrich and commit), in <c>once</c> and in <c>run</c>.</summary>
    public int MaxConcurrentChecks { get; set; } = 8;

    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>Host names fetched even when they resolve to an internal address (e.g. "intranet.example").</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Networks in CIDR form fetched even though internal (e.g. "127.0.0.0/8", "fd00::/8").</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>
    /// file: URLs read local files. They exist for the offline demo and tests; turn them off where sources are added
    /// by people who must not read the bot's disk.
    /// </summary>
    public bool AllowFileUrls { get; set; } = true;

    /// <summary>Longest wait between checks of a failing source (exponential backoff cap).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>A server's Retry-After is honoured up to this; beyond it a hostile server could silence a source for years.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Consecutive 404 answers after which a source is disabled (one 404 is often a deploy hiccup).</summary>
    public int NotFoundLimit { get; set; } = 3;

    /// <summary>
    /// Consecutive failed checks after which the topic's moderators are told a source is failing (once; they hear
    /// again when it recovers). 2 keeps a single blip from paging anyone; a disabled source is reported at once.
    /// </summary>
    public int FailingNoticeAfter { get; set; } = 2;
}
