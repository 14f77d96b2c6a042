using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AlertBot.Core;
using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using AlertBot.IntegrationTests.Discord;
using AlertBot.IntegrationTests.Support;
using AlertBot.IntegrationTests.Telegram;
using AlertBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AlertBot.IntegrationTests.Reliability;

/// <summary>
/// Everything a real bot process needs on loopback: a feed server whose items the test sets, a fake Discord, a fake
/// Telegram Bot API, a SQLite file with one topic and three subscriptions (a Discord channel, a Telegram chat and the
/// console), and the counts per item of what each platform showed. Used by the crash and two-process tests and by the crash soak in bench/.
/// </summary>
internal sealed partial class CrashRig : IAsyncDisposable
{
    public const string Channel = "60";
    public const long TelegramChat = 42;
    private readonly TempDirectory _dir = new();
    private readonly List<BotProcess> _processes = [];
    private readonly List<string> _consoleOutput = [];
    private volatile string _feed = Feed(0, 0);
    private readonly int _leaseSeconds;
    private int _feedServed;

    private CrashRig(LoopbackServer feeds, FakeDiscord discord, FakeBotApi telegram, int leaseSeconds)
    {
        Feeds = feeds;
        Discord = discord;
        Telegram = telegram;
        _leaseSeconds = leaseSeconds;
    }

    public LoopbackServer Feeds { get; }
    public FakeDiscord Discord { get; }
    public FakeBotApi Telegram { get; }
    public int FeedServed => Volatile.Read(ref _feedServed);
    public string DatabasePath => _dir.File("alertbot.db");

    /// <summary>Called when the feed has been served, before the bot reads it (tests kill the bot here, mid-check).</summary>
    public Action? OnFeedServed { get; set; }

    /// <summary>A rig whose database has the topic and both subscriptions, and whose source has had its first check.</summary>
    /// <param name="leaseSeconds">
    /// Claim leases of the bot processes: short where the test kills processes (their claims must expire within the
    /// test), the usual length elsewhere (a lease must outlast one send on a loaded machine).
    /// </param>
    public static async Task<CrashRig> StartAsync(int leaseSeconds = 60)
    {
        var rig = (CrashRig?)null;
        var feeds = await LoopbackServer.StartAsync(app => app.MapGet("/feed.xml", () => rig!.ServeFeed()));
        var discord = await FakeDiscord.StartAsync();
        discord.AutoGateway = true;
        var telegram = await FakeBotApi.StartAsync(TelegramTestHost.Token);
        rig = new CrashRig(feeds, discord, telegram, leaseSeconds);
        await File.WriteAllTextAsync(rig._dir.File("topics.json"),
            $$"""{"topics":[{"id":"crash","name":"Crash test","checkIntervalSeconds":60,"sources":[{"url":"{{feeds.Url("feed.xml")}}"}]}]}""");

        // The first check of a source alerts only its newest item: take it before anyone subscribes.
        rig.SetItems(0, 1);
        Assert.Equal(0, await rig.RunToEndAsync("once"));
        var database = new Database(Options.Create(new StorageOptions { Path = rig.DatabasePath }), NullLogger<Database>.Instance);
        var subscriptions = new SubscriptionStore(database, TimeProvider.System);
        await subscriptions.AddAsync(new ChatTarget("discord", Channel), isPrivate: false, "user-1", "crash", "trucks");
        await subscriptions.AddAsync(new ChatTarget("telegram", TelegramChat.ToString(CultureInfo.InvariantCulture)), isPrivate: true, "user-1", "crash", "trucks");
        await subscriptions.AddAsync(new ChatTarget("console", "local"), isPrivate: true, "local", "crash", "trucks");
        SqliteConnection.ClearAllPools();
        return rig;
    }

    /// <summary>The feed lists items <paramref name="from"/> .. <paramref name="from"/> + <paramref name="count"/> - 1.</summary>
    public void SetItems(int from, int count) => _feed = Feed(from, count);

    private IResult ServeFeed()
    {
        Interlocked.Increment(ref _feedServed);
        OnFeedServed?.Invoke();
        return Results.Text(_feed, "application/rss+xml");
    }

    private static string Feed(int from, int count) =>
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Crash news</title>" +
        string.Concat(Enumerable.Range(from, count).Select(n => string.Create(CultureInfo.InvariantCulture,
            $"<item><guid>item-{n}</guid><title>Item {n} headline</title><link>http://news.test/{n}</link>" +
            $"<pubDate>{new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(n):R}</pubDate>" +
            $"<description>Report {n}: officials counted {n * 7 + 3} trucks at crossing {n % 17}.</description></item>"))) +
        "</channel></rss>";

    /// <summary>Configuration of every bot process.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["ALERTBOT__TOPICS__FILE"] = _dir.File("topics.json"),
        ["ALERTBOT__STORAGE__PATH"] = DatabasePath,
        ["ALERTBOT__STORAGE__CHECKLEASESECONDS"] = _leaseSeconds.ToString(CultureInfo.InvariantCulture),
        ["ALERTBOT__FETCH__ALLOWEDNETWORKS__0"] = "127.0.0.0/8",
        ["ALERTBOT__DISCORD__TOKEN"] = GatewayHarness.Token,
        ["ALERTBOT__DISCORD__APIBASEURL"] = Discord.ApiBase,
        ["ALERTBOT__DISCORD__REGISTERCOMMANDS"] = "false",
        ["ALERTBOT__TELEGRAM__TOKEN"] = TelegramTestHost.Token,
        ["ALERTBOT__TELEGRAM__BASEURL"] = Telegram.BaseUrl.ToString(),
        ["ALERTBOT__TELEGRAM__POLLTIMEOUTSECONDS"] = "1",
        // The fake has no send limits; Telegram's own (about 1/s per private chat) would make each run minutes long.
        ["ALERTBOT__TELEGRAM__MESSAGESPERSECOND"] = "1000",
        ["ALERTBOT__TELEGRAM__PRIVATECHATMESSAGESPERMINUTE"] = "60000",
        ["ALERTBOT__DELIVERY__CLAIMLEASESECONDS"] = _leaseSeconds.ToString(CultureInfo.InvariantCulture),
        // The items link to pages on a host that does not exist: fetching them would only wait for DNS to fail.
        ["ALERTBOT__ARTICLES__FETCHLINKEDPAGES"] = "false",
        // Every item its own alert (no digest), so each is counted on its own.
        ["ALERTBOT__DELIVERY__BURSTCAP"] = "1000",
        ["ALERTBOT__LOGGING__LOGLEVEL__DEFAULT"] = "Warning",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    /// <summary>Claims a killed process held run out after this long.</summary>
    public TimeSpan LeaseExpiry => TimeSpan.FromSeconds(_leaseSeconds + 0.5);

    public BotProcess Start(string verb)
    {
        var process = BotProcess.Start(verb, _dir.Path, Environment);
        lock (_processes) _processes.Add(process);
        return process;
    }

    public async Task<int> RunToEndAsync(string verb)
    {
        using var process = Start(verb);
        var exit = await process.WaitAsync(TimeSpan.FromMinutes(3));
        Collect(process);
        return exit;
    }

    /// <summary>Records what the process printed (console alerts), once it has ended or been killed.</summary>
    public void Collect(BotProcess process)
    {
        lock (_consoleOutput) _consoleOutput.Add(process.Stdout);
    }

    /// <summary>How often each item appeared as a Discord message (after Discord's own nonce deduplication).</summary>
    public IReadOnlyDictionary<int, int> DiscordCounts() =>
        Discord.Messages.Select(m => ItemOf(JsonDocument.Parse(m.Body).RootElement.GetProperty("embeds")[0].GetProperty("title").GetString()!))
            .GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>How often each nonce was posted at all: a row sent by two processes shows here even though Discord drops it.</summary>
    public int DiscordNoncesPostedTwice() =>
        Discord.Requests.Where(r => r.Method == "POST" && r.Path == $"/channels/{Channel}/messages")
            .GroupBy(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("nonce").GetString()).Count(g => g.Count() > 1);

    /// <summary>How often each item reached the Telegram chat (every sendMessage the fake answered or was killed during).</summary>
    public IReadOnlyDictionary<int, int> TelegramCounts() =>
        Telegram.CallsTo("sendMessage").Where(c => c.Body["chat_id"]!.GetValue<long>() == TelegramChat)
            .Select(c => ItemTitle().Match(c.Body["text"]!.GetValue<string>())).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>How often each item was printed by the console platform, over every process.</summary>
    public IReadOnlyDictionary<int, int> ConsoleCounts()
    {
        lock (_consoleOutput)
        {
            return _consoleOutput.SelectMany(o => ConsoleAlert().Matches(o)).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
                .GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
        }
    }

    /// <summary>Items in [from, from + count) never shown, and shows beyond the first.</summary>
    public static (int Lost, int Duplicates) Tally(IReadOnlyDictionary<int, int> counts, int from, int count) =>
        (Enumerable.Range(from, count).Count(n => !counts.ContainsKey(n)),
         counts.Where(c => c.Key >= from && c.Key < from + count).Sum(c => c.Value - 1));

    private static int ItemOf(string title) => int.Parse(ItemTitle().Match(title).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Item (\d+) headline")]
    private static partial Regex ItemTitle();

    [GeneratedRegex(@"\] Item (\d+) headline\n")]
    private static partial Regex ConsoleAlert();

    public async ValueTask DisposeAsync()
    {
        lock (_processes)
        {
            foreach (var p in _processes) p.Dispose();
        }
        await Discord.DisposeAsync();
        await Telegram.DisposeAsync();
        await Feeds.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
