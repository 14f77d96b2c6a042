using AlertBot.Core;
using AlertBot.Core.Audit;
using AlertBot.Core.Channels;
using AlertBot.Core.Delivery;
using AlertBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace AlertBot.Tests.Channels;

public sealed class ChannelSettingsStoreTests
{
    private static readonly ChatTarget s_chat = new("test", "chat-1");

    [Fact]
    public async Task A_channel_that_never_set_anything_has_the_defaults()
    {
        using var db = await TestDatabase.CreateAsync(new FakeTimeProvider());

        var settings = await db.ChannelSettings.GetAsync(s_chat);

        Assert.Same(ChannelSettings.Default, settings);
        Assert.Equal(DeliveryMode.Instant, settings.Mode);
        Assert.Equal("UTC", settings.TimeZone);
        Assert.Null(settings.MaxPerHour);
    }

    [Fact]
    public async Task Settings_survive_a_round_trip_and_each_change_is_audited_with_before_and_after()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
        using var db = await TestDatabase.CreateAsync(clock);
        var wanted = new ChannelSettings
        {
            Mode = DeliveryMode.Digest,
            DigestTimes = [new LocalTime(7, 30), new LocalTime(19, 0)],
            TimeZone = "Asia/Kolkata",
            Quiet = new QuietHours(new LocalTime(23, 0), new LocalTime(6, 0)),
            MaxPerHour = 0,
            SummaryLength = 120,
            Figures = false,
            Previews = false,
            Paused = true,
            Updates = false,
        };

        await db.ChannelSettings.SaveAsync(s_chat, isPrivate: false, wanted,
            new AuditEntry(s_chat, "u1", "Mod", "channel set mode", "instant", "digest", clock.GetUtcNow()));
        var read = await db.ChannelSettings.GetAsync(s_chat);

        Assert.Equal(wanted with { DigestTimes = read.DigestTimes }, read);
        Assert.Equal(wanted.DigestTimes, read.DigestTimes);
        var entry = Assert.Single(await db.Audit.LatestAsync(s_chat, 10));
        Assert.Equal(("u1", "channel set mode", "instant", "digest", clock.GetUtcNow()), (entry.UserId, entry.Action, entry.Before, entry.After, entry.At));
    }

    [Fact]
    public async Task Saving_again_replaces_the_settings_and_the_audit_lists_newest_first()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
        using var db = await TestDatabase.CreateAsync(clock);

        await db.ChannelSettings.SaveAsync(s_chat, false, ChannelSettings.Default with { MaxPerHour = 3 },
            new AuditEntry(s_chat, "u1", null, "channel set max-per-hour", "5", "3", clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromMinutes(1));
        await db.ChannelSettings.SaveAsync(s_chat, false, ChannelSettings.Default with { MaxPerHour = null, Paused = true },
            new AuditEntry(s_chat, "u2", null, "channel pause", "running", "paused", clock.GetUtcNow()));

        var read = await db.ChannelSettings.GetAsync(s_chat);
        Assert.True(read.Paused);
        Assert.Null(read.MaxPerHour);
        Assert.Equal(["channel pause", "channel set max-per-hour"], (await db.Audit.LatestAsync(s_chat, 10)).Select(e => e.Action));
    }
}
