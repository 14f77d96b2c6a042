using AlertBot.Core;
using AlertBot.Core.Commands;
using AlertBot.Core.Commands.Groups;
using AlertBot.Core.Figures;
using AlertBot.Core.Storage;
using AlertBot.Tests.Support;

namespace AlertBot.Tests.Commands;

/// <summary>/story, /latest and /figures over stories the real check stored.</summary>
public sealed class StoryCommandsTests
{
    private static readonly ChatTarget Chat = new("test", "chat-1");

    private static async Task<(PipelineRig Rig, ICommandGroup[] Commands)> StoredAsync()
    {
        var rig = await PipelineRig.CreateAsync();
        var now = rig.Db.Time.GetUtcNow();
        rig.WriteFeed(DevReports.Item("n079", now.AddHours(-6)), DevReports.Item("n031", now.AddHours(-5)),
            DevReports.Item("n080", now.AddHours(-2)), DevReports.Item("n081", now.AddHours(-1)));
        await rig.CheckAsync();
        var db = rig.Db;
        ICommandGroup[] commands =
        [
            new StoryCommands(new StoryStore(db.Database), db.Articles, db.Figures, db.Time),
            new TopicCommands(db.Topics, db.Sources, new ArticleSearch(db.Topics, db.Articles, db.Time), db.Time),
        ];
        return (rig, commands);
    }

    private static Task<CommandReply> Run(ICommandGroup[] commands, string name, string arguments)
    {
        var spec = CommandCatalog.Find(name)!;
        var request = CommandRequest.FromText(Chat, "user", null, name, arguments, isPrivateChat: true, isModerator: false);
        return commands.First(g => g.Commands.Contains(spec)).HandleAsync(spec, request, default);
    }

    private static async Task<long> StoryOfAsync(PipelineRig rig, string guid) =>
        (await rig.Db.Articles.LatestAsync("t", 10)).Single(a => a.Identity == "id:" + guid).StoryId!.Value;

    [Fact]
    public async Task Story_shows_every_report_with_its_outlet_time_and_figures()
    {
        var (rig, commands) = await StoredAsync();
        using var _ = rig;
        var id = await StoryOfAsync(rig, "n080");

        var reply = await Run(commands, "story", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.False(reply.IsError);
        Assert.StartsWith($"Story #{id}: {DevReports.Title("n079")}\nFirst seen 6h ago · 3 reports from 3 outlets", reply.Text, StringComparison.Ordinal);
        Assert.Contains($"• telesurenglish.net, 6h ago: {DevReports.Title("n079")}", reply.Text, StringComparison.Ordinal);
        Assert.Contains($"• menafocus.qa, 2h ago: {DevReports.Title("n080")}", reply.Text, StringComparison.Ordinal);
        Assert.Contains($"• tbsnews.net, 1h ago: {DevReports.Title("n081")}", reply.Text, StringComparison.Ordinal);
        Assert.Contains("296 killed", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(DevReports.Title("n031"), reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Story_with_an_unknown_number_says_where_numbers_come_from()
    {
        var (rig, commands) = await StoredAsync();
        using var _ = rig;

        var reply = await Run(commands, "story", "999");

        Assert.True(reply.IsError);
        Assert.Equal("There is no story #999. Story numbers are shown by /latest.", reply.Text);
    }

    [Fact]
    public async Task Latest_lists_each_story_once_with_its_outlet_count_and_number()
    {
        var (rig, commands) = await StoredAsync();
        using var _ = rig;
        var morocco = await StoryOfAsync(rig, "n081");
        var hatay = await StoryOfAsync(rig, "n031");

        var reply = await Run(commands, "latest", "t");

        Assert.Contains($"{DevReports.Title("n081")} (tbsnews.net, 1h ago) · 3 outlets, /story {morocco}", reply.Text, StringComparison.Ordinal);
        Assert.Contains($"· 1 outlet, /story {hatay}", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(DevReports.Title("n080"), reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(DevReports.Title("n079"), reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_count_a_figure_repeated_by_copies_of_one_story_once()
    {
        var at = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var killed = new Figure { Value = 296, Measure = "killed", ClaimedBy = "Interior Ministry", Quote = "296 killed" };
        var injured = new Figure { Value = 153, Measure = "injured", Quote = "153 injured" };
        var found = new List<StoredFigure>
        {
            new(killed, "tbsnews.net", at, "Copy", null, StoryId: 7),
            new(killed, "menafocus.qa", at.AddHours(-1), "Original", null, StoryId: 7),
            new(injured, "menafocus.qa", at.AddHours(-1), "Original", null, StoryId: 7),
            new(killed, "elsewhere.com", at, "Another event", null, StoryId: 8),
            new(killed, "old.com", at, "Before stories", null),
            new(killed, "old2.com", at, "Before stories", null),
        };

        var once = FigureCommands.OncePerStory(found);

        Assert.Equal(["tbsnews.net", "menafocus.qa", "elsewhere.com", "old.com", "old2.com"], once.Select(f => f.Outlet));
    }
}
