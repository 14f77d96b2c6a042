using AlertBot.Core;
using AlertBot.Core.Chats;
using AlertBot.Core.Pipeline;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;
using AlertBot.IntegrationTests.Fetching;
using Microsoft.AspNetCore.Http;

namespace AlertBot.IntegrationTests.Topics;

/// <summary>Feeds are shared: however many topics and communities use one, it is fetched once per check.</summary>
public sealed class SharedFeedTests
{
    private static readonly ChatTarget s_serverA = new(AlertBot.Tests.Support.RecordingPlatform.PlatformName, "server-a-channel");
    private static readonly ChatTarget s_groupB = new(AlertBot.Tests.Support.RecordingPlatform.PlatformName, "group-b");

    [Fact]
    public async Task Two_topics_of_two_communities_sharing_one_feed_cause_one_request_per_check_and_both_are_alerted()
    {
        await using var h = await PipelineHarness.StartAsync();
        var feedItems = new List<string> { "<item><title>Markets calm on Tuesday</title><guid>1</guid></item>" };
        h.Respond = context => context.Response.WriteAsync(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Shared</title>" + string.Concat(feedItems) + "</channel></rss>");
        var topics = h.Service<TopicStore>();
        var sources = h.Service<SourceStore>();
        var now = h.Clock.GetUtcNow();
        await topics.CreateAsync(new TopicRecord("flood-a", "Floods (A)", "flood", 600) { Owner = "test:server-a" }, "mod-a");
        await topics.CreateAsync(new TopicRecord("flood-b", "Floods (B)", "", 300) { Owner = "test:group-b" }, "mod-b");
        // The same feed typed another way: upper-case host, default port, a fragment and tracking parameters.
        var url = h.Server.Url("feed");
        var sameFeed = $"{url.Scheme}://{url.Host.ToUpperInvariant()}:{url.Port}{url.AbsolutePath}?utm_source=x&utm_medium=y#top";
        var (a, _) = await sources.AddToTopicAsync("flood-a", url.ToString(), null, "mod-a", now);
        var (b, _) = await sources.AddToTopicAsync("flood-b", sameFeed, null, "mod-b", now);
        Assert.Equal(h.SourceId, a);
        Assert.Equal(a, b);
        var lifecycle = h.Service<ChatLifecycle>();
        await lifecycle.SubscribeAsync(new NewSubscription(s_serverA, false, "mod-a", "flood-a", ""), Query.Parse("").Query!, CancellationToken.None);
        await lifecycle.SubscribeAsync(new NewSubscription(s_groupB, false, "mod-b", "flood-b", ""), Query.Parse("").Query!, CancellationToken.None);

        var runner = h.Service<SourceCheckRunner>();
        var first = await runner.CheckAllAsync((await sources.ListAsync()).Select(s => s.Id).ToList(), false, CancellationToken.None);
        Assert.Single(first);
        feedItems.Insert(0, "<item><title>Flood reaches the old town</title><guid>2</guid></item>");
        h.Clock.Advance(TimeSpan.FromMinutes(10));
        await runner.CheckAllAsync((await sources.ListAsync()).Select(s => s.Id).ToList(), false, CancellationToken.None);
        await h.DeliverAsync();

        Assert.Equal(2, h.Requests.Count);   // one per check, for three topics
        var alerts = h.Platform.Alerts.Where(x => x.Title == "Flood reaches the old town").ToList();
        Assert.Equal(["Floods (A)", "Floods (B)"], alerts.Where(x => x.Target != PipelineHarness.ModeratedChannel && x.Target != PipelineHarness.PersonalChat)
            .OrderBy(x => x.TopicName).Select(x => x.TopicName));
        var articles = h.Service<ArticleStore>();
        var stored = Assert.Single(await articles.LatestAsync(null, 10), x => x.Title == "Flood reaches the old town");   // stored once
        Assert.Equal(["flood-a", "flood-b", "t"], await articles.TopicsOfAsync(stored.Id));
    }

    [Fact]
    public async Task An_item_two_feeds_of_one_topic_carry_is_stored_for_each_so_a_topic_using_only_the_second_feed_gets_it()
    {
        await using var h = await PipelineHarness.StartAsync();
        var items = new List<string> { "<item><title>Markets calm on Tuesday</title><guid>1</guid></item>" };
        h.Respond = context => context.Response.WriteAsync(
            $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{context.Request.Path}</title>" + string.Concat(items) + "</channel></rss>");
        var topics = h.Service<TopicStore>();
        var sources = h.Service<SourceStore>();
        var now = h.Clock.GetUtcNow();
        await topics.CreateAsync(new TopicRecord("region", "Region news", "", 600) { Owner = "test:server-a" }, "mod-a");
        await topics.CreateAsync(new TopicRecord("river", "River watch", "", 600) { Owner = "test:group-b" }, "mod-b");
        // Both feeds first come with "region" (their rows' topic); "river" uses only the second.
        var (wire, _) = await sources.AddToTopicAsync("region", h.Server.Url("wire").ToString(), null, "mod-a", now);
        var (local, _) = await sources.AddToTopicAsync("region", h.Server.Url("local").ToString(), null, "mod-a", now);
        await sources.AddToTopicAsync("river", h.Server.Url("local").ToString(), null, "mod-b", now);
        await h.Service<ChatLifecycle>().SubscribeAsync(new NewSubscription(s_groupB, false, "mod-b", "river", ""), Query.Parse("").Query!, CancellationToken.None);
        var runner = h.Service<SourceCheckRunner>();
        await runner.CheckAllAsync([wire, local], false, CancellationToken.None);

        items.Insert(0, "<item><title>Dam gates opened upstream</title><guid>dam-1</guid><link>http://news.test/dam-1</link></item>");
        h.Clock.Advance(TimeSpan.FromMinutes(10));
        await runner.CheckAllAsync([wire], false, CancellationToken.None);
        await runner.CheckAllAsync([local], false, CancellationToken.None);
        await h.DeliverAsync();

        var articles = h.Service<ArticleStore>();
        var stored = (await articles.LatestAsync(null, 10)).Where(x => x.Title == "Dam gates opened upstream").ToList();
        Assert.Equal([wire, local], stored.Select(x => x.SourceId ?? 0).Order());
        Assert.Contains(stored, x => x.SourceId == local);
        Assert.Equal(["region", "river"], await articles.TopicsOfAsync(stored.Single(x => x.SourceId == local).Id));
        Assert.Contains(h.Platform.Alerts, x => x.Target == s_groupB && x.Title == "Dam gates opened upstream");
    }
}
