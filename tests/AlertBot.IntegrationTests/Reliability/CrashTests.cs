namespace AlertBot.IntegrationTests.Reliability;

/// <summary>
/// The real bot, as a child process against loopback fakes, killed with SIGKILL mid-check and mid-delivery and
/// started again: per item, nothing is lost; Discord (nonce) shows nothing twice; Telegram and the console, which
/// cannot deduplicate, repeat at most the one alert in flight per kill.
/// </summary>
[Collection(BotProcessCollection.Name)]
public sealed class CrashTests
{
    private const int Items = 200;

    [Fact]
    public async Task A_bot_killed_mid_check_and_mid_delivery_loses_nothing_discord_shows_nothing_twice_and_telegram_at_most_one_per_kill()
    {
        await using var rig = await CrashRig.StartAsync(leaseSeconds: 1);
        rig.SetItems(1, Items);

        var kills = await CrashRounds.RunAsync(rig, CrashRounds.Standard);
        Assert.Equal(0, await rig.RunToEndAsync("once"));

        var (discordLost, discordDuplicates) = CrashRig.Tally(rig.DiscordCounts(), 1, Items);
        var (telegramLost, telegramDuplicates) = CrashRig.Tally(rig.TelegramCounts(), 1, Items);
        var (consoleLost, consoleDuplicates) = CrashRig.Tally(rig.ConsoleCounts(), 1, Items);
        Assert.Equal(0, discordLost);
        Assert.Equal(0, discordDuplicates);
        Assert.Equal(0, telegramLost);
        // The kill at a Telegram message fell while it was in flight: it was sent again (the Bot API has no idempotency key).
        Assert.InRange(telegramDuplicates, 1, kills);
        Assert.Equal(0, consoleLost);
        Assert.InRange(consoleDuplicates, 0, kills);
        // The kills mid-delivery fell while a message was in flight: it was sent again, and Discord dropped it by nonce.
        Assert.True(rig.DiscordNoncesPostedTwice() >= 1);
    }
}
