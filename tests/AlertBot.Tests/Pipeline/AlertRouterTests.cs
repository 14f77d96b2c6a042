using AlertBot.Core;
using AlertBot.Core.Delivery;
using AlertBot.Core.Feeds;
using AlertBot.Core.Pipeline;
using AlertBot.Core.Storage;
using AlertBot.Core.Subscriptions;
using AlertBot.Tests.Support;
using Microsoft.Extensions.Options;

namespace AlertBot.Tests.Pipeline;

public sealed class AlertRouterTests
{
    private static readonly ChatTarget s_a = new("test", "a");
    private static readonly ChatTarget s_b = new("test", "b");
    private static readonly IReadOnlyDictionary<long, ChatTarget> s_targets = new Dictionary<long, ChatTarget> { [1] = s_a, [2] = s_a, [3] = s_b };

    private static long[][] Matches(params long[][] perArticle) => perArticle;

    private static EnrichedArticle Article(string text, bool alert = true) =>
        new(new SelectedItem(new FeedItem { Title = text }, "id:" + text, alert), new ProcessedArticle(text, text, text, []));

    [Fact]
    public void A_chat_with_two_matching_subscriptions_gets_one_row_through_the_first()
    {
        var plan = AlertRouter.Plan(Matches([1, 2, 3]), s_targets, burstCap: 5, "k");

        Assert.Equal([new PlannedAlert(s_a, 1), new PlannedAlert(s_b, 3)], plan[0]);
    }

    [Fact]
    public void A_chat_over_the_burst_cap_gets_its_rows_as_one_digest_and_other_chats_are_unaffected()
    {
        var plan = AlertRouter.Plan(Matches([1, 3], [1], [2]), s_targets, burstCap: 2, "check-7");

        Assert.All(plan.SelectMany(a => a).Where(a => a.Target == s_a), a => Assert.Equal("check-7", a.Batch));
        Assert.Null(Assert.Single(plan[0], a => a.Target == s_b).Batch);
    }

    [Fact]
    public void Subscriptions_no_longer_stored_are_left_out()
    {
        var plan = AlertRouter.Plan(Matches([9], []), s_targets, burstCap: 5, "k");

        Assert.Equal(2, plan.Count);
        Assert.All(plan, Assert.Empty);
    }

    [Fact]
    public void A_subscription_to_every_topic_hears_the_operators_topics_but_no_communitys_own()
    {
        using var matcher = new SubscriptionMatcher();
        matcher.Add(1, null, Query.Parse("troops").Query!);
        matcher.Add(2, "flood", Query.Parse("troops").Query!);
        var router = new AlertRouter(matcher, null!, Options.Create(new DeliveryOptions()));
        var operators = new TopicRecord("war", "War", "", 600);
        var community = new TopicRecord("flood", "Flood", "", 600) { Owner = "telegram:-100" };

        Assert.Equal([1L], router.Match(operators, [Article("Troops cross the river")])[0]);
        Assert.Equal([2L], router.Match(community, [Article("Troops help after the flood")])[0]);
    }

    [Fact]
    public async Task Matching_skips_the_backlog_and_articles_the_topic_query_rejects()
    {
        using var db = await TestDatabase.CreateAsync(null, TestDatabase.Topic("t"));
        using var matcher = new SubscriptionMatcher();
        var id = await db.Subscriptions.AddAsync(s_a, isPrivate: true, "u", "t", "troops");
        matcher.Add(id, "t", Query.Parse("troops").Query!);
        var router = new AlertRouter(matcher, db.Subscriptions, Options.Create(new DeliveryOptions()));
        var topic = new TopicRecord("t", "T", "korea", 600);

        var (_, plan) = await router.PlanForTopicsAsync([topic], [Article("Korea troops"), Article("Korea troops again", alert: false), Article("Other troops"), Article("Korea talks")], "k", CancellationToken.None);

        Assert.Equal([[new PlannedAlert(s_a, id)], [], [], []], plan.Select(p => p.ToList()).ToList());
    }
}
