using AlertBot.Core;
using AlertBot.Core.Commands;
using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;
using AlertBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertBot.Tests.Subscriptions;

/// <summary>The query language from chat: /subscribe, /subscriptions, /latest, over a real SQLite file.</summary>
public sealed class QueryCommandTests : IAsyncLifetime
{
    private static readonly ChatTarget s_dm = new("telegram", "100");
    private DispatcherRig _rig = null!;

    public async Task InitializeAsync()
    {
        var korea = new TopicSeed("nk-russia", "North Korea and Russia", null, TimeSpan.FromMinutes(10), []);
        var markets = new TopicSeed("markets", "Markets", null, TimeSpan.FromMinutes(10), []);
        // A topic with its own query: only its articles that mention Korea count at all.
        var asia = new TopicSeed("asia", "Asia", "korea OR japan", TimeSpan.FromMinutes(10), []);
        _rig = await DispatcherRig.CreateAsync(korea, markets, asia);
    }

    public Task DisposeAsync()
    {
        _rig.Dispose();
        return Task.CompletedTask;
    }

    private TestDatabase Db => _rig.Db;
    private SubscriptionMatcher Matcher => _rig.Matcher;
    private CommandDispatcher Dispatcher => _rig.Dispatcher;

    [Theory]
    [InlineData("nk-russia north korea \"troops", "unbalanced quote at column 13")]
    [InlineData("nk-russia (troops OR soldiers", "unbalanced parenthesis: '(' at column 1 is never closed")]
    [InlineData("nk-russia troops OR", "dangling OR at column 8")]
    [InlineData("nk-russia -troops", "nothing to match: the query only excludes")]
    [InlineData("* -\"squid game\"", "nothing to match: the query only excludes")]
    public async Task A_malformed_query_is_refused_with_the_problem_and_its_column(string args, string problem)
    {
        var reply = await Send("subscribe", args);
        Assert.True(reply.IsError);
        Assert.Contains(problem, reply.Text, StringComparison.Ordinal);
        Assert.Empty(await Db.Subscriptions.ListForChatAsync(s_dm));
        Assert.Equal(0, Matcher.Count);
    }

    [Fact]
    public async Task Subscriptions_show_the_query_normalised()
    {
        await Send("subscribe", "nk-russia Troops  OR SOLDIERS  Russia's  -\"Squid Game\"");
        var text = (await Send("subscriptions")).Text;
        Assert.Contains("(troops OR soldiers) russia -\"squid game\"", text, StringComparison.Ordinal);
        var stored = Assert.Single(await Db.Subscriptions.ListForChatAsync(s_dm));
        Assert.Equal("Troops  OR SOLDIERS  Russia's  -\"Squid Game\"", stored.Query);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("all")]
    public async Task A_subscription_may_span_every_topic(string scope)
    {
        var reply = await Send("subscribe", scope + " \"Kim Jong-un\"");
        Assert.False(reply.IsError, reply.Text);
        Assert.Contains("all topics", reply.Text, StringComparison.Ordinal);
        var stored = Assert.Single(await Db.Subscriptions.ListForChatAsync(s_dm));
        Assert.Null(stored.TopicId);
        Assert.Contains("all topics", (await Send("subscriptions")).Text, StringComparison.Ordinal);

        Assert.Equal([stored.Id], Matcher.Match("markets", "Markets fell after KIM JONG UN spoke."));
        Assert.Equal([stored.Id], Matcher.Match("nk-russia", "Kim Jong-un visited Moscow."));
        Assert.Empty(Matcher.Match("nk-russia", "Kim visited Moscow."));
    }

    [Fact]
    public async Task A_subscription_to_every_topic_needs_a_query()
    {
        var reply = await Send("subscribe", "*");
        Assert.True(reply.IsError);
        Assert.Contains("needs a query", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_searches_one_topic_or_every_topic_with_a_query()
    {
        await Store("nk-russia", "a1", "North Korean troops deployed to Kursk", "Kim Jong Un sent soldiers.", hoursAgo: 5);
        await Store("nk-russia", "a2", "Sanctions talks stall", "Diplomats met in Seoul.", hoursAgo: 2);
        await Store("markets", "m1", "Defence stocks rally", "Investors bet on deployments of troops.", hoursAgo: 1);

        var inTopic = (await Send("latest", "nk-russia \"kim jong-un\"")).Text;
        Assert.Contains("North Korean troops deployed to Kursk", inTopic, StringComparison.Ordinal);
        Assert.DoesNotContain("Sanctions talks stall", inTopic, StringComparison.Ordinal);

        var everywhere = (await Send("latest", "deploy* troops")).Text;
        Assert.Contains("Defence stocks rally", everywhere, StringComparison.Ordinal);
        Assert.Contains("North Korean troops deployed to Kursk", everywhere, StringComparison.Ordinal);
        Assert.True(everywhere.IndexOf("Defence stocks rally", StringComparison.Ordinal) < everywhere.IndexOf("North Korean troops", StringComparison.Ordinal));

        var none = await Send("latest", "squid game");
        Assert.False(none.IsError);
        Assert.Contains("No stored article matches", none.Text, StringComparison.Ordinal);

        var bad = await Send("latest", "nk-russia troops)");
        Assert.True(bad.IsError);
        Assert.Contains("')' at column 7", bad.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_topics_own_query_applies_before_the_users_query()
    {
        await Store("asia", "x1", "Typhoon hits Taiwan", "Troops help with the clean-up.", hoursAgo: 1);
        await Store("asia", "x2", "Japan sends troops for drills", "Exercises near Korea.", hoursAgo: 3);

        var latest = (await Send("latest", "asia")).Text;
        Assert.Contains("Japan sends troops", latest, StringComparison.Ordinal);
        Assert.DoesNotContain("Typhoon", latest, StringComparison.Ordinal);
        var search = (await Send("latest", "troops")).Text;
        Assert.Contains("Japan sends troops", search, StringComparison.Ordinal);
        Assert.DoesNotContain("Typhoon", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsubscribing_takes_the_query_out_of_the_index()
    {
        await Send("subscribe", "nk-russia troops");
        var id = Assert.Single(await Db.Subscriptions.ListForChatAsync(s_dm)).Id;
        Assert.Equal([id], Matcher.Match("nk-russia", "Troops crossed."));
        await Send("unsubscribe", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(Matcher.Match("nk-russia", "Troops crossed."));
    }

    private Task<CommandReply> Send(string name, string args = "") =>
        Dispatcher.HandleAsync(CommandRequest.FromText(s_dm, "user-1", "alice", name, args, isPrivateChat: true, isModerator: false), default);

    private Task<long?> Store(string topic, string identity, string title, string text, int hoursAgo)
    {
        var now = Db.Time.GetUtcNow();
        return Db.Articles.InsertAsync(new ArticleRecord
        {
            TopicId = topic, Identity = identity, Title = title, Text = text, Summary = "", PublishedAt = now.AddHours(-hoursAgo), FetchedAt = now,
        });
    }
}
