using AlertBot.Core;
using AlertBot.Core.Commands;
using AlertBot.Core.Storage;
using AlertBot.Tests.Support;

namespace AlertBot.Tests.Commands;

/// <summary>Moderators run their community's own topics from chat; nobody else can, and every change is audited.</summary>
public sealed class TopicAdminCommandsTests : IAsyncLifetime
{
    private static readonly ChatTarget s_groupA = new("telegram", "-100");
    private static readonly ChatTarget s_groupB = new("telegram", "-200");
    private DispatcherRig _rig = null!;

    public async Task InitializeAsync() => _rig = await DispatcherRig.CreateAsync(TestDatabase.Topic("nk-russia", "https://example.com/feed.xml"));

    public Task DisposeAsync()
    {
        _rig.Dispose();
        return Task.CompletedTask;
    }

    private Task<CommandReply> Send(string name, string args, ChatTarget chat, bool moderator = true, string user = "mod-1") =>
        _rig.Dispatcher.HandleAsync(CommandRequest.FromText(chat, user, user + "-name", name, args, isPrivateChat: false, isModerator: moderator), default);

    [Fact]
    public async Task A_member_who_is_not_an_administrator_is_refused_with_the_permission_named()
    {
        var reply = await Send("topic", "add flood Floods", s_groupA, moderator: false);

        Assert.True(reply.IsError);
        Assert.Equal("/topic add is for moderators: you need to be an administrator of this chat.", reply.Text);
        Assert.Null(await _rig.Db.Topics.FindAsync("flood"));
    }

    [Fact]
    public async Task A_community_topic_is_listed_in_its_own_community_and_invisible_in_another()
    {
        var added = await Send("topic", "add flood \"Valencia floods\" flood OR dana", s_groupA);
        Assert.False(added.IsError, added.Text);

        var mine = await Send("topics", "", s_groupA);
        var theirs = await Send("topics", "", s_groupB);
        Assert.Contains("flood — Valencia floods (this community's)", mine.Text, StringComparison.Ordinal);
        Assert.Contains("nk-russia", theirs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("flood", theirs.Text, StringComparison.Ordinal);
        Assert.True((await Send("topic", "pause flood", s_groupB)).IsError);
        Assert.True((await Send("subscribe", "flood", s_groupB)).IsError);
        var topic = (await _rig.Db.Topics.FindAsync("flood"))!;
        Assert.Equal(("telegram:-100", "flood OR dana", 300L), (topic.Owner, topic.Query, topic.CheckIntervalSeconds));
    }

    [Fact]
    public async Task A_search_across_all_topics_never_shows_another_communitys_articles()
    {
        Assert.False((await Send("topic", "add flood Floods", s_groupA)).IsError);
        await _rig.Db.Articles.InsertAsync(new ArticleRecord
        {
            TopicId = "flood", Identity = "id:dam", Title = "Dam bursts above Valencia", Text = "A dam burst.", Summary = "A dam burst.",
            FetchedAt = new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero),
        });

        var theirs = await Send("latest", "dam", s_groupB);
        var mine = await Send("latest", "dam", s_groupA);

        Assert.DoesNotContain("Dam bursts", theirs.Text, StringComparison.Ordinal);
        Assert.Contains("Dam bursts above Valencia", mine.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operators_topic_cannot_be_changed_from_chat()
    {
        var reply = await Send("topic", "edit nk-russia name Something else", s_groupA);

        Assert.True(reply.IsError);
        Assert.Contains("operator", reply.Text, StringComparison.Ordinal);
        Assert.Equal("Topic nk-russia", (await _rig.Db.Topics.FindAsync("nk-russia"))!.Name);
    }

    [Fact]
    public async Task Limits_hold_a_community_to_its_number_of_topics_and_its_minimum_interval()
    {
        _rig.Limits.TopicsPerCommunity = 1;
        Assert.False((await Send("topic", "add one One", s_groupA)).IsError);

        var second = await Send("topic", "add two Two", s_groupA);
        var tooOften = await Send("topic", "edit one interval 1m", s_groupA);

        Assert.Contains("Limits:TopicsPerCommunity", second.Text, StringComparison.Ordinal);
        Assert.Contains("Limits:MinCommunityIntervalSeconds", tooOften.Text, StringComparison.Ordinal);
        Assert.False((await Send("topic", "edit one interval 15m", s_groupA)).IsError);
        Assert.Equal(900, (await _rig.Db.Topics.FindAsync("one"))!.CheckIntervalSeconds);
    }

    [Fact]
    public async Task Removing_a_followed_topic_asks_for_confirmation_with_a_button_and_then_ends_its_subscriptions()
    {
        await Send("topic", "add flood Floods", s_groupA);
        await Send("subscribe", "flood", s_groupA);

        var ask = await Send("topic", "remove flood", s_groupA);
        Assert.Contains("/topic remove flood confirm", ask.Text, StringComparison.Ordinal);
        Assert.Equal("/topic remove flood confirm", Assert.Single(ask.Actions).Command);
        Assert.NotNull(await _rig.Db.Topics.FindAsync("flood"));

        var done = await Send("topic", "remove flood confirm", s_groupA);
        Assert.Contains("with its 1 subscription(s)", done.Text, StringComparison.Ordinal);
        Assert.Null(await _rig.Db.Topics.FindAsync("flood"));
        Assert.Empty(await _rig.Db.Subscriptions.ListForChatAsync(s_groupA));
        // Its owner may bring the id back; another community may not take it.
        Assert.True((await Send("topic", "add flood Floods", s_groupB)).IsError);
        Assert.False((await Send("topic", "add flood Floods again", s_groupA)).IsError);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/feed.xml")]
    [InlineData("not a url")]
    public async Task A_feed_from_chat_must_be_http_or_https_whatever_file_urls_allow(string url)
    {
        await Send("topic", "add flood Floods", s_groupA);

        var reply = await Send("topic", $"source add flood {url}", s_groupA);

        Assert.True(reply.IsError);
        Assert.Contains("only http:// and https://", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await _rig.Db.Sources.ForTopicAsync("flood"));
    }

    [Fact]
    public async Task Audit_lists_each_change_newest_first_with_who_and_before_and_after()
    {
        await Send("topic", "add flood Floods", s_groupA, user: "ana");
        await Send("topic", "edit flood name Floods in Valencia", s_groupA, user: "ben");
        await Send("topic", "pause flood", s_groupA, user: "ana");

        var audit = await Send("audit", "", s_groupA);
        var theirs = await Send("audit", "", s_groupB);

        var lines = audit.Text.Split('\n').Skip(1).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains("ana-name: topic pause flood (running → paused)", lines[0], StringComparison.Ordinal);
        Assert.Contains("ben-name: topic edit flood name (Floods, every 5m → Floods in Valencia, every 5m)", lines[1], StringComparison.Ordinal);
        Assert.Contains("ana-name: topic add flood (none → Floods, every 5m)", lines[2], StringComparison.Ordinal);
        Assert.Equal("No moderator actions are recorded here yet.", theirs.Text);
    }

    [Fact]
    public async Task Enabling_a_feed_another_check_holds_says_it_is_being_checked_instead_of_finding_nothing()
    {
        Assert.False((await Send("topic", "add flood Floods", s_groupA)).IsError);
        var now = _rig.Db.Time.GetUtcNow();
        var (feedId, _) = await _rig.Db.Sources.AddToTopicAsync("flood", "http://127.0.0.1:9/feed.xml", "Flood feed", "mod-1", now);
        await _rig.Db.Sources.RecordFailureAsync(feedId, "the server answered 404", now, now, disable: true);
        Assert.True(await _rig.Db.Sources.TryClaimAsync(feedId, "another-process", now, now.AddMinutes(5)));

        var reply = await Send("topic", $"source enable flood {feedId}", s_groupA);

        Assert.False(reply.IsError, reply.Text);
        Assert.Equal($"Feed #{feedId} is enabled and is being checked right now; its new items are alerted when that check ends.", reply.Text);
        Assert.False((await _rig.Db.Sources.FindAsync(feedId))!.Disabled);
        Assert.Contains(feedId, _rig.Schedule.Scheduled.Select(s => s.SourceId));
    }

    private const string TwoFeeds = """
        <?xml version="1.0"?><opml version="2.0"><head><title>Floods</title></head><body>
        <outline text="Rain" type="rss" xmlUrl="https://rain.example/feed.xml"/>
        <outline text="Local"><outline text="River" type="rss" xmlUrl="https://river.example/rss"/>
        <outline text="Disk" type="rss" xmlUrl="file:///etc/passwd"/></outline></body></opml>
        """;

    private Task<CommandReply> ImportFile(string fileName, long? size, Func<long, CancellationToken, Task<AttachmentRead>> download) =>
        _rig.Dispatcher.HandleAsync(CommandRequest.FromText(s_groupA, "mod-1", "mod", "topic", "import flood", isPrivateChat: false, isModerator: true)
            with { Attachment = new CommandAttachment(fileName, size, Url: null) { Download = download } }, default);

    [Fact]
    public async Task An_opml_file_sent_with_import_adds_its_http_feeds_and_refuses_the_rest()
    {
        Assert.False((await Send("topic", "add flood Floods", s_groupA)).IsError);
        long? askedCap = null;

        var reply = await ImportFile("floods.opml", 400, (cap, _) =>
        {
            askedCap = cap;
            return Task.FromResult(new AttachmentRead(System.Text.Encoding.UTF8.GetBytes(TwoFeeds), null));
        });

        Assert.False(reply.IsError, reply.Text);
        Assert.Equal("Imported into flood: 2 feed(s) added, 0 already there, 1 refused.\nRefused: file:///etc/passwd (not http or https)", reply.Text);
        Assert.Equal(["https://rain.example/feed.xml", "https://river.example/rss"], (await _rig.Db.Sources.ForTopicAsync("flood")).Select(f => f.Url));
        Assert.Equal(Core.Topics.OpmlTransfer.MaxFileBytes, askedCap);
    }

    [Fact]
    public async Task A_file_that_is_not_opml_or_too_large_imports_nothing_and_says_why()
    {
        Assert.False((await Send("topic", "add flood Floods", s_groupA)).IsError);
        var reads = 0;

        var broken = await ImportFile("feeds.opml", 40, (_, _) =>
        {
            reads++;
            return Task.FromResult(new AttachmentRead(System.Text.Encoding.UTF8.GetBytes("<opml><body><outline xmlUrl=\"https://a.example/\"></body>"), null));
        });
        var html = await ImportFile("page.html", 40, (_, _) => Task.FromResult(new AttachmentRead(System.Text.Encoding.UTF8.GetBytes("<html><body/></html>"), null)));
        var huge = await ImportFile("huge.opml", Core.Topics.OpmlTransfer.MaxFileBytes + 1, (_, _) =>
        {
            reads++;
            return Task.FromResult(new AttachmentRead([], null));
        });
        var unreadable = await ImportFile("gone.opml", 40, (_, _) => Task.FromResult(AttachmentRead.Failed("Telegram could not send the file: Not Found")));

        Assert.True(broken.IsError);
        Assert.StartsWith("Nothing was imported from feeds.opml: not valid OPML: ", broken.Text, StringComparison.Ordinal);
        Assert.Equal("Nothing was imported from page.html: not an OPML document (no <opml> root).", html.Text);
        Assert.Equal("Nothing was imported from huge.opml: the file is larger than 2048 KiB.", huge.Text);
        Assert.Equal("Nothing was imported from gone.opml: Telegram could not send the file: Not Found.", unreadable.Text);
        Assert.Equal(1, reads); // the oversized file was never read
        Assert.Empty(await _rig.Db.Sources.ForTopicAsync("flood"));
    }

    [Fact]
    public async Task A_non_moderators_file_is_never_read()
    {
        Assert.False((await Send("topic", "add flood Floods", s_groupA)).IsError);
        var read = false;

        var reply = await _rig.Dispatcher.HandleAsync(CommandRequest.FromText(s_groupA, "eve", "eve", "topic", "import flood", isPrivateChat: false, isModerator: false)
            with { Attachment = new CommandAttachment("x.opml", 10, Url: null) { Download = (_, _) => { read = true; return Task.FromResult(AttachmentRead.Failed("no")); } } }, default);

        Assert.True(reply.IsError);
        Assert.False(read);
    }
}
