using System.Collections.Concurrent;
using AlertBot.Core;
using AlertBot.Cli;
using AlertBot.ConsoleChat;
using AlertBot.Core.Delivery;
using AlertBot.Core.Pipeline;
using AlertBot.Core.Storage;
using AlertBot.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using AlertBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AlertBot.IntegrationTests.Fetching;

/// <summary>
/// The real host (as <c>alertbot once</c> builds it) over a SQLite file in a temp directory, one topic with one
/// source served by a loopback Kestrel whose answer each test sets, a clock the test moves, and a recording chat
/// platform holding a moderated channel and a personal subscriber of the topic.
/// </summary>
internal sealed class PipelineHarness : IAsyncDisposable
{
    public const int IntervalSeconds = 600;
    public static readonly ChatTarget ModeratedChannel = new(RecordingPlatform.PlatformName, "channel");
    public static readonly ChatTarget PersonalChat = new(RecordingPlatform.PlatformName, "dm");

    private readonly string _dir;

    private PipelineHarness(string dir, LoopbackServer server, IHost host, FakeTimeProvider clock, RecordingPlatform platform)
    {
        _dir = dir;
        Server = server;
        Host = host;
        Clock = clock;
        Platform = platform;
    }

    public LoopbackServer Server { get; }
    public IHost Host { get; }
    public FakeTimeProvider Clock { get; }
    public RecordingPlatform Platform { get; }
    /// <summary>What the server does next; the default serves a small RSS feed.</summary>
    public RequestDelegate Respond { get; set; } = context => context.Response.WriteAsync(FetchTestOptions.Rss);
    public ConcurrentQueue<string> Requests { get; } = new();
    public long SourceId { get; private set; }

    public static async Task<PipelineHarness> StartAsync(string path = "feed", IDictionary<string, string?>? configuration = null)
    {
        var dir = Directory.CreateTempSubdirectory("alertbot-fetch-").FullName;
        PipelineHarness? harness = null;
        var server = await LoopbackServer.StartAsync(context =>
        {
            harness!.Requests.Enqueue(context.Request.Path + (context.Request.Headers.IfNoneMatch.Count > 0 ? $" If-None-Match: {context.Request.Headers.IfNoneMatch}" : ""));
            return harness.Respond(context);
        });
        var topics = Path.Combine(dir, "topics.json");
        await File.WriteAllTextAsync(topics,
            $$"""{"topics":[{"id":"t","name":"Test topic","query":"","checkIntervalSeconds":{{IntervalSeconds}},"sources":[{"url":"{{server.Url(path)}}"}]}]}""");
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = Path.Combine(dir, "alertbot.db"),
            ["Topics:File"] = topics,
            ["Fetch:AllowedNetworks:0"] = "127.0.0.0/8",
        };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>()) settings[key] = value;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero));
        var platform = new RecordingPlatform();
        var host = AppHost.Build(new CliArguments(Verb.Once, null, null, false), new ConsoleIO(TextReader.Null, TextWriter.Null), settings, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IChatPlatform>(platform);
        });
        harness = new PipelineHarness(dir, server, host, clock, platform);
        await host.StartValidationAsync();
        await harness.Service<BotInitializer>().InitializeAsync(CancellationToken.None);
        harness.SourceId = (await harness.Service<SourceStore>().ListAsync()).Single().Id;
        var subscriptions = harness.Service<SubscriptionStore>();
        await subscriptions.AddAsync(ModeratedChannel, isPrivate: false, "moderator", "t", "");
        await subscriptions.AddAsync(PersonalChat, isPrivate: true, "reader", "t", "");
        return harness;
    }

    public T Service<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public Task<SourceCheckResult> CheckAsync() =>
        Service<SourceChecker>().CheckAsync(SourceId, honourDrip: false, CancellationToken.None);

    /// <summary>One delivery pass over the due outbox rows (alerts and notices).</summary>
    public Task<int> DeliverAsync() => Service<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);

    public async Task<SourceRecord> SourceAsync() => (await Service<SourceStore>().FindAsync(SourceId))!;

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
