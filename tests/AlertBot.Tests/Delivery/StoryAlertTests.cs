using AlertBot.Core;
using AlertBot.Core.Audit;
using AlertBot.Core.Channels;
using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using AlertBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace AlertBot.Tests.Delivery;

/// <summary>
/// One alert per (target, story), through the real check and the real outbox: more outlets edit the sent alert,
/// a changed key figure replies to it once an hour, and an edit that fails is dropped, never re-sent.
/// </summary>
public sealed class StoryAlertTests
{
    private static readonly ChatTarget Chat = new(RecordingPlatform.PlatformName, "chat-1");

    [Fact]
    public async Task Three_outlets_and_a_look_alike_event_give_two_alerts_and_the_first_is_edited_with_also_reported_by()
    {
        using var rig = await PrimedRigAsync();
        var platform = new RecordingPlatform();
        var dispatcher = Dispatchers.Create(rig.Db, rig.Matcher, [platform]);
        var now = rig.Db.Time.GetUtcNow();

        await CheckAndDeliverAsync(rig, dispatcher, DevReports.Item("n079", now.AddHours(-6)), DevReports.Item("n031", now.AddHours(-5)));
        await CheckAndDeliverAsync(rig, dispatcher, DevReports.Item("n079", now.AddHours(-6)), DevReports.Item("n031", now.AddHours(-5)),
            DevReports.Item("n080", now.AddHours(-2)), DevReports.Item("n081", now.AddHours(-1)));

        Assert.Equal([DevReports.Title("n079"), DevReports.Title("n031")], platform.Alerts.Select(a => a.Title));
        var (messageId, edited) = Assert.Single(platform.Edits);
        Assert.Equal("m1", messageId);
        Assert.Equal(DevReports.Title("n079"), edited.Title);
        Assert.Equal("Also reported by menafocus.qa and tbsnews.net", edited.AlsoReportedLine);
        Assert.Null(platform.Alerts.Last().AlsoReportedLine);
    }

    [Fact]
    public async Task A_report_that_changes_a_key_figure_replies_to_the_alert_once_an_hour_at_most()
    {
        using var rig = await PrimedRigAsync();
        var platform = new RecordingPlatform();
        var dispatcher = Dispatchers.Create(rig.Db, rig.Matcher, [platform]);
        var time = (FakeTimeProvider)rig.Db.Time;
        var now = time.GetUtcNow();

        await CheckAndDeliverAsync(rig, dispatcher, DevReports.Item("n079", now.AddHours(-6)));
        await CheckAndDeliverAsync(rig, dispatcher, DevReports.Item("n080", now.AddHours(-2)));
        await CheckAndDeliverAsync(rig, dispatcher, Toll("t820", "820", now.AddMinutes(-30)));
        time.Advance(TimeSpan.FromMinutes(61));
        await CheckAndDeliverAsync(rig, dispatcher, Toll("t2012", "2,012", now.AddMinutes(30)));

        Assert.Single(platform.Alerts);
        Assert.Equal(3, platform.Edits.Count);
        Assert.Equal(["m1", "m1"], platform.Replies.Select(r => r.ReplyTo));
        var replies = platform.Replies.Select(r => r.Text).ToList();
        Assert.All(replies, r => Assert.StartsWith("Update: ", r));
        Assert.Contains("296", replies[0]);
        Assert.Contains("(was at least 50)", replies[0]);
        Assert.Contains("2,012", replies[1]);
        Assert.Contains("was 820", replies[1]);
    }

    [Fact]
    public async Task Reports_between_two_deliveries_give_one_edit_whose_update_names_the_newest_figure_against_what_the_chat_was_shown()
    {
        using var rig = await PrimedRigAsync();
        var platform = new RecordingPlatform();
        var dispatcher = Dispatchers.Create(rig.Db, rig.Matcher, [platform]);
        var now = rig.Db.Time.GetUtcNow();
        await CheckAndDeliverAsync(rig, dispatcher, DevReports.Item("n079", now.AddHours(-6)));

        rig.WriteFeed(DevReports.Item("n080", now.AddHours(-2)));
        await rig.CheckAsync();
        rig.WriteFeed(Toll("t820", "820", now.AddMinutes(-30)));
        await rig.CheckAsync();
        await dispatcher.DeliverDueAsync(CancellationToken.None);

        var (_, edited) = Assert.Single(platform.Edits);
        Assert.Equal("Also reported by menafocus.qa and example-news.com", edited.AlsoReportedLine);
        var reply = Assert.Single(platform.Replies).Text;
        Assert.Contains("820", reply);
        Assert.Contains("(was at least 50)", reply);
    }

    [Fact]
    public async Task A_channel_with_updates_off_gets_the_edit_but_no_reply()
    {
        using var rig = await PrimedRigAsync();
        await rig.Db.ChannelSettings.SaveAsync(Chat, isPrivate: true, ChannelSettings.Default with { Updates = false },
            new AuditEntry(Chat, "user", null, "channel set updates", "on", "off", rig.Db.Time.GetUtcNow()));
        var platform = new RecordingPlatform();
        var dispatcher = Dispatchers.Create(rig.Db, rig.Matcher, [platform]);
        var now = rig.Db.Time.GetUtcNow();

        await CheckAndDeliverAsync(rig, dispatcher, DevReports.Item("n079", now.AddHours(-6)));
        await CheckAndDeliverAsync(rig, dispatcher, DevReports.Item("n080", now.AddHours(-2)));

        Assert.Single(platform.Edits);
        Assert.Empty(platform.Replies);
    }

    [Fact]
    public async Task An_edit_the_platform_refuses_is_dropped_quietly_and_never_sent_as_a_new_alert()
    {
        using var rig = await PrimedRigAsync();
        var platform = new RecordingPlatform();
        var dispatcher = Dispatchers.Create(rig.Db, rig.Matcher, [platform]);
        var now = rig.Db.Time.GetUtcNow();
        await CheckAndDeliverAsync(rig, dispatcher, DevReports.Item("n079", now.AddHours(-6)));

        platform.EditScript.Enqueue(new DeliveryResult.Rejected("Unknown Message (10008)"));
        await CheckAndDeliverAsync(rig, dispatcher, DevReports.Item("n080", now.AddHours(-2)));
        ((FakeTimeProvider)rig.Db.Time).Advance(TimeSpan.FromHours(2));
        await dispatcher.DeliverDueAsync(CancellationToken.None);

        Assert.Single(platform.Alerts);
        Assert.Single(platform.Edits);
        Assert.Empty(platform.Replies);
        await using var c = await rig.Db.Database.OpenAsync();
        var edit = await c.QuerySingleAsync<(string Status, string Kind)>("SELECT status, kind FROM outbox WHERE kind <> 'alert'");
        Assert.Equal((OutboxStatus.Dropped, OutboxKind.Edit), edit);
    }

    [Fact]
    public async Task Reports_of_one_story_in_one_check_give_one_alert_that_already_names_the_other_outlets()
    {
        using var rig = await PrimedRigAsync();
        var platform = new RecordingPlatform();
        var dispatcher = Dispatchers.Create(rig.Db, rig.Matcher, [platform]);
        var now = rig.Db.Time.GetUtcNow();

        await CheckAndDeliverAsync(rig, dispatcher, DevReports.Item("n079", now.AddHours(-6)), DevReports.Item("n080", now.AddHours(-2)), DevReports.Item("n081", now.AddHours(-1)));

        var alert = Assert.Single(platform.Alerts);
        Assert.Equal("Also reported by menafocus.qa and tbsnews.net", alert.AlsoReportedLine);
        Assert.Contains(alert.Figures, f => f.Value == "296");
        Assert.Empty(platform.Edits);
    }

    /// <summary>A rig subscribed to earthquakes whose source had its first check (a first check alerts only its newest item).</summary>
    private static async Task<PipelineRig> PrimedRigAsync()
    {
        var rig = await PipelineRig.CreateAsync();
        await rig.SubscribeAsync("earthquake OR quake", Chat);
        rig.WriteFeed(DevReports.Item("n044", rig.Db.Time.GetUtcNow().AddHours(-30)));
        await rig.CheckAsync();
        return rig;
    }

    private static async Task CheckAndDeliverAsync(PipelineRig rig, OutboxDispatcher dispatcher, params RssItem[] items)
    {
        rig.WriteFeed(items);
        await rig.CheckAsync();
        await dispatcher.DeliverDueAsync(CancellationToken.None);
    }

    /// <summary>A later report of the Morocco earthquake with a new death toll.</summary>
    private static RssItem Toll(string guid, string killed, DateTimeOffset published) => new(guid,
        $"Morocco earthquake death toll rises to {killed}",
        $"Moroccan authorities said the toll from the powerful earthquake that hit Al Haouz province, southwest of Marrakech, stood at {killed} people killed. " +
        "The Interior Ministry of Morocco said most deaths occurred in hard-to-reach mountain areas of the High Atlas.",
        published, $"https://www.example-news.com/{guid}");

    [Theory]
    [InlineData(new string[0], null)]
    [InlineData(new[] { "Reuters" }, "Also reported by Reuters")]
    [InlineData(new[] { "Reuters", "BBC" }, "Also reported by Reuters and BBC")]
    [InlineData(new[] { "Reuters", "BBC", "AP" }, "Also reported by Reuters, BBC and AP")]
    [InlineData(new[] { "Reuters", "BBC", "AP", "AFP", "CNN" }, "Also reported by Reuters, BBC and 3 more")]
    public void The_other_outlets_read_as_a_short_line(string[] outlets, string? expected) =>
        Assert.Equal(expected, AlsoReported.Line(outlets));
}
