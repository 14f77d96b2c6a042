using AlertBot.Core;
using AlertBot.Core.Commands;
using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;
using AlertBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertBot.Tests.Commands;

public sealed class CommandDispatcherTests : IAsyncLifetime
{
    private static readonly ChatTarget s_dm = new("telegram", "100");
    private static readonly ChatTarget s_group = new("telegram", "-200");
    private DispatcherRig _rig = null!;

    public async Task InitializeAsync()
    {
        _rig = await DispatcherRig.CreateAsync(TestDatabase.Topic("nk-russia", "https://example.com/feed.xml"));
    }

    public Task DisposeAsync()
    {
        _rig.Dispose();
        return Task.CompletedTask;
    }

    private TestDatabase Db => _rig.Db;
    private SubscriptionMatcher Matcher => _rig.Matcher;
    private CommandDispatcher Dispatcher => _rig.Dispatcher;

    private Task<CommandReply> Send(string name, string args = "", ChatTarget? chat = null, bool moderator = false)
    {
        var target = chat ?? s_dm;
        return Dispatcher.HandleAsync(CommandRequest.FromText(target, "user-1", "alice", name, args, isPrivateChat: target == s_dm, isModerator: moderator), default);
    }

    [Fact]
    public async Task Help_lists_every_command_of_the_catalog()
    {
        var reply = await Send("help");
        Assert.False(reply.IsError);
        foreach (var c in CommandCatalog.All) Assert.Contains("/" + c.Name, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_catalog_command_needs_exactly_one_group_to_handle_it()
    {
        var help = new Core.Commands.Groups.HelpCommands();
        var missing = Assert.Throws<InvalidOperationException>(() => new CommandDispatcher([help], Db.Topics, NullLogger<CommandDispatcher>.Instance));
        Assert.Contains("No command group handles", missing.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<InvalidOperationException>(() => new CommandDispatcher([help, help], Db.Topics, NullLogger<CommandDispatcher>.Instance));
        Assert.Contains("Two command groups handle /help", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_gets_a_helpful_error()
    {
        var reply = await Send("subscirbe", "nk-russia");
        Assert.True(reply.IsError);
        Assert.Contains("Did you mean /subscribe?", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/help", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("subscribtions", "subscriptions")]
    [InlineData("lates", "latest")]
    [InlineData("figrues", "figures")]
    [InlineData("hlep", "help")]
    [InlineData("topc", "topic")]
    [InlineData("weather", null)]
    [InlineData("sub", null)]
    public void A_typo_is_matched_to_the_command_it_most_likely_meant(string typed, string? meant) =>
        Assert.Equal(meant, CommandCatalog.Closest(typed)?.Name);

    [Fact]
    public async Task A_word_far_from_every_command_gets_no_guess()
    {
        var reply = await Send("weather");
        Assert.DoesNotContain("Did you mean", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_for_one_command_gives_its_syntax_arguments_and_examples()
    {
        var reply = await Send("help", "/subscribe");

        Assert.False(reply.IsError);
        Assert.StartsWith("/subscribe <topic> [query]", reply.Text, StringComparison.Ordinal);
        Assert.Contains("query (optional) — ", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Examples:\n  /subscribe nk-russia", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_and_subcommand_has_at_least_one_example_that_reads_as_itself()
    {
        foreach (var (name, _, spec) in CommandCatalog.All.SelectMany(c => CommandPath.Resolve(c, "").Runnable()))
        {
            Assert.NotEmpty(spec.Examples);
            Assert.All(spec.Examples, e => Assert.StartsWith("/" + name, e, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Help_query_explains_the_query_language_in_chat()
    {
        var text = (await Send("help", "query")).Text;

        foreach (var part in new[] { "\"north korea\"", " OR ", "-\"squid game\"", "NOT", "deploy*", "troop/troops" })
            Assert.Contains(part, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_for_a_mistyped_command_suggests_the_right_one()
    {
        var reply = await Send("help", "subscirbe");
        Assert.True(reply.IsError);
        Assert.Contains("Did you mean /help subscribe?", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_text_gets_a_hint_in_a_private_chat_and_no_reply_in_a_group()
    {
        var hint = await Send("", "");
        Assert.Contains("/help", hint.Text, StringComparison.Ordinal);

        var silent = await Send("", "", s_group, moderator: true);
        Assert.True(silent.IsNone);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Subscribe_without_a_topic_explains_its_usage(string args)
    {
        var reply = await Send("subscribe", args);
        Assert.True(reply.IsError);
        Assert.Contains("/subscribe <topic>", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_to_an_unknown_topic_names_the_known_ones()
    {
        var reply = await Send("subscribe", "elections troops");
        Assert.True(reply.IsError);
        Assert.Contains("nk-russia", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await Db.Subscriptions.ListForChatAsync(s_dm));
    }

    [Fact]
    public async Task Subscribe_stores_the_query_as_typed_and_feeds_the_matcher()
    {
        var reply = await Send("subscribe", "NK-Russia   Troops");
        Assert.False(reply.IsError, reply.Text);
        var stored = Assert.Single(await Db.Subscriptions.ListForChatAsync(s_dm));
        Assert.Equal("nk-russia", stored.TopicId);
        Assert.Equal("Troops", stored.Query);
        Assert.Equal([stored.Id], Matcher.Match("nk-russia", "North Korean troops seen near Kursk"));
        Assert.Empty(Matcher.Match("nk-russia", "An unrelated story about elections"));
    }

    [Fact]
    public async Task In_a_group_only_moderators_may_subscribe_it()
    {
        var refused = await Send("subscribe", "nk-russia", s_group, moderator: false);
        Assert.True(refused.IsError);
        Assert.Empty(await Db.Subscriptions.ListForChatAsync(s_group));

        var accepted = await Send("subscribe", "nk-russia", s_group, moderator: true);
        Assert.False(accepted.IsError, accepted.Text);
        Assert.Single(await Db.Subscriptions.ListForChatAsync(s_group));
    }

    [Fact]
    public async Task Subscribing_a_chat_the_bot_cannot_post_in_is_refused_naming_what_is_missing()
    {
        var request = CommandRequest.FromText(s_group, "user-1", "alice", "subscribe", "nk-russia", isPrivateChat: false, isModerator: true)
            with { MissingAlertPermissions = "Send Messages, Embed Links" };

        var reply = await Dispatcher.HandleAsync(request, default);

        Assert.True(reply.IsError);
        Assert.Contains("Send Messages, Embed Links", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await Db.Subscriptions.ListForChatAsync(s_group));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public async Task Unsubscribe_with_a_bad_id_explains_its_usage(string args)
    {
        var reply = await Send("unsubscribe", args);
        Assert.True(reply.IsError);
        Assert.Contains("/unsubscribe <id>", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsubscribe_removes_only_this_chats_subscription()
    {
        await Send("subscribe", "nk-russia troops", s_group, moderator: true);
        var theirs = Assert.Single(await Db.Subscriptions.ListForChatAsync(s_group)).Id;

        var reply = await Send("unsubscribe", theirs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(reply.IsError);
        Assert.Single(await Db.Subscriptions.ListForChatAsync(s_group));

        await Send("subscribe", "nk-russia troops");
        var mine = Assert.Single(await Db.Subscriptions.ListForChatAsync(s_dm)).Id;
        Assert.False((await Send("unsubscribe", "#" + mine)).IsError);
        Assert.Empty(await Db.Subscriptions.ListForChatAsync(s_dm));
        Assert.Equal([theirs], Matcher.Match("nk-russia", "troops"));
    }

    [Fact]
    public async Task Subscriptions_lists_ids_topics_and_queries()
    {
        Assert.Contains("no subscriptions", (await Send("subscriptions")).Text, StringComparison.Ordinal);
        await Send("subscribe", "nk-russia troops");
        await Send("subscribe", "nk-russia");
        var text = (await Send("subscriptions")).Text;
        Assert.Contains("nk-russia: troops\n", text + "\n", StringComparison.Ordinal);
        Assert.Contains("nk-russia: everything", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nk-russia 0")]
    [InlineData("nk-russia 11")]
    public async Task Latest_refuses_a_count_out_of_range(string args)
    {
        var reply = await Send("latest", args);
        Assert.True(reply.IsError);
        Assert.Contains("1 to 10", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_shows_the_newest_articles_first()
    {
        Assert.Contains("Nothing stored", (await Send("latest", "nk-russia")).Text, StringComparison.Ordinal);
        var t0 = Db.Time.GetUtcNow();
        await Db.Articles.InsertAsync(new ArticleRecord { TopicId = "nk-russia", Identity = "id:old", Title = "Older story", Text = "t", Summary = "s", PublishedAt = t0.AddDays(-2), FetchedAt = t0 });
        await Db.Articles.InsertAsync(new ArticleRecord { TopicId = "nk-russia", Identity = "id:new", Title = "Newer story", Text = "t", Summary = "s", PublishedAt = t0.AddHours(-3), FetchedAt = t0 });

        var text = (await Send("latest", "nk-russia 2")).Text;
        Assert.True(text.IndexOf("Newer story", StringComparison.Ordinal) < text.IndexOf("Older story", StringComparison.Ordinal));
        Assert.Contains("3h ago", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topic_names_are_suggested_for_the_topic_argument_only()
    {
        Assert.Equal(["nk-russia"], await Dispatcher.SuggestAsync("subscribe", "topic", "nk", default));
        Assert.Empty(await Dispatcher.SuggestAsync("subscribe", "query", "nk", default));
    }

    [Fact]
    public async Task Topic_status_is_refused_to_people_who_are_not_moderators()
    {
        var reply = await Send("topic", "status", s_group, moderator: false);
        Assert.True(reply.IsError);
        Assert.Contains("moderators", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topic_status_shows_each_sources_health_last_success_error_and_next_check()
    {
        var source = Assert.Single(await Db.Sources.ListAsync());
        var now = Db.Time.GetUtcNow();
        Assert.Contains("not checked yet", (await Send("topic", "status nk-russia", s_group, moderator: true)).Text, StringComparison.Ordinal);

        await Db.Sources.RecordSuccessAsync(source.Id, null, null, 0, now.AddHours(-2), now.AddHours(-2).AddMinutes(10));
        await Db.Sources.RecordFailureAsync(source.Id, "the server answered 503 Service Unavailable", now.AddMinutes(-1), now.AddMinutes(39), disable: false);

        var text = (await Send("topic", "status", s_group, moderator: true)).Text;

        Assert.Contains("nk-russia", text, StringComparison.Ordinal);
        Assert.Contains(source.Url, text, StringComparison.Ordinal);
        Assert.Contains("failing (1 in a row): the server answered 503", text, StringComparison.Ordinal);
        Assert.Contains("last success 2h ago", text, StringComparison.Ordinal);
        Assert.Contains("next check in 39m", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("add nk-russia https://example.com/rss")]
    public async Task Topic_without_a_known_action_explains_what_exists(string args)
    {
        var reply = await Send("topic", args, s_group, moderator: true);
        Assert.True(reply.IsError);
        Assert.Contains("/topic status", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_old_alerts_unsubscribe_button_never_removes_a_newer_subscription()
    {
        await Send("subscribe", "nk-russia troops");
        var old = Assert.Single(await Db.Subscriptions.ListForChatAsync(s_dm)).Id;
        await Send("unsubscribe", old.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Send("subscribe", "nk-russia troops");
        var current = Assert.Single(await Db.Subscriptions.ListForChatAsync(s_dm)).Id;

        // The button of an alert sent for the first subscription carries its id.
        var pressed = await Dispatcher.HandleAsync(new CommandRequest(s_dm, "user-1", "alice", "unsubscribe",
            CommandArguments.Of(("id", old)), IsPrivateChat: true, IsModerator: false), default);

        Assert.True(pressed.IsError);
        Assert.Equal(current, Assert.Single(await Db.Subscriptions.ListForChatAsync(s_dm)).Id);
        Assert.Equal([current], Matcher.Match("nk-russia", "troops"));
    }

    [Fact]
    public async Task A_phrase_is_listed_with_its_quotes_and_a_plain_query_without()
    {
        await Send("subscribe", "nk-russia \"north korea\" troops");
        Assert.Contains("nk-russia: \"north korea\" troops", (await Send("subscriptions")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ten_thousand_character_argument_is_not_echoed_whole()
    {
        var huge = new string('x', 10_000);

        foreach (var (name, args) in new[] { ("subscribe", huge + " troops"), ("topic", "status " + huge), (huge, "") })
        {
            var reply = await Send(name, args, moderator: true);
            Assert.True(reply.IsError);
            Assert.True(reply.Text.Length < 400, $"/{name[..Math.Min(10, name.Length)]} replied {reply.Text.Length} characters");
            Assert.Contains(new string('x', 50) + "…", reply.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bidi_overrides_and_invisible_characters_typed_by_a_user_are_not_echoed()
    {
        var reply = await Send("subscribe", "nk\u202Eaisur\u200B-\u2066x\u2069\uFEFF troops");

        Assert.True(reply.IsError);
        Assert.Contains("'nkaisur-x'", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Text, c => c is '\u202E' or '\u200B' or '\u2066' or '\u2069' or '\uFEFF');
    }
}
