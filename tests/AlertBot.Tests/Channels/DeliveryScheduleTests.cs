using AlertBot.Core.Channels;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace AlertBot.Tests.Channels;

public sealed class DeliveryScheduleTests
{
    private const int BurstCap = 5;

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static ChannelSettings Digest(string zone, params string[] times) => new()
    {
        Mode = DeliveryMode.Digest,
        TimeZone = zone,
        DigestTimes = times.Select(t => ChannelTime.ParseTime(t)!.Value).ToList(),
    };

    /// <summary>Walks the clock in 10-minute steps and lists every distinct time a digest was scheduled for.</summary>
    private static List<DateTimeOffset> DigestsBetween(ChannelSettings settings, DateTimeOffset from, DateTimeOffset to)
    {
        var clock = new FakeTimeProvider(from);
        var seen = new List<DateTimeOffset>();
        while (clock.GetUtcNow() < to)
        {
            var decision = DeliverySchedule.Decide(settings, clock.GetUtcNow(), [], BurstCap);
            Assert.Equal(HoldReason.Digest, decision.Reason);
            if (!seen.Contains(decision.Until!.Value)) seen.Add(decision.Until.Value);
            clock.Advance(TimeSpan.FromMinutes(10));
        }
        return seen;
    }

    [Fact]
    public void A_digest_at_two_times_a_day_in_New_York_follows_local_time_across_the_spring_forward_change()
    {
        var settings = Digest("America/New_York", "08:00", "18:00");

        // 2026-03-08 02:00 EST → 03:00 EDT: 08:00 local is 13:00 UTC before the change and 12:00 UTC after.
        var digests = DigestsBetween(settings, Utc(3, 7, 0), Utc(3, 9, 12));

        Assert.Equal([Utc(3, 7, 13), Utc(3, 7, 23), Utc(3, 8, 12), Utc(3, 8, 22), Utc(3, 9, 12)], digests);
    }

    [Fact]
    public void A_digest_at_two_times_a_day_in_Berlin_follows_local_time_across_the_fall_back_change()
    {
        var settings = Digest("Europe/Berlin", "08:00", "18:00");

        // 2026-10-25 03:00 CEST → 02:00 CET.
        var digests = DigestsBetween(settings, Utc(10, 24, 0), Utc(10, 25, 20));

        Assert.Equal([Utc(10, 24, 6), Utc(10, 24, 16), Utc(10, 25, 7), Utc(10, 25, 17), Utc(10, 26, 7)], digests);
    }

    [Fact]
    public void A_0230_digest_on_the_spring_forward_day_goes_out_once_when_the_clock_skips_it()
    {
        var settings = Digest("Europe/Berlin", "02:30");

        // 02:30 does not exist in Berlin on 2026-03-29: it goes out at 03:30 CEST (01:30 UTC), once.
        var digests = DigestsBetween(settings, Utc(3, 28, 0), Utc(3, 30, 1));

        Assert.Equal([Utc(3, 28, 1, 30), Utc(3, 29, 1, 30), Utc(3, 30, 0, 30), Utc(3, 31, 0, 30)], digests);
    }

    [Fact]
    public void A_0230_digest_on_the_fall_back_day_goes_out_once_although_the_clock_shows_0230_twice()
    {
        var settings = Digest("Europe/Berlin", "02:30");

        // On 2026-10-25 02:30 happens at 00:30 UTC (CEST) and again at 01:30 UTC (CET): only the first counts.
        var digests = DigestsBetween(settings, Utc(10, 24, 0), Utc(10, 26, 3));

        Assert.Equal([Utc(10, 24, 0, 30), Utc(10, 25, 0, 30), Utc(10, 26, 1, 30), Utc(10, 27, 1, 30)], digests);
    }

    [Theory]
    [InlineData(22, 0, "2026-07-02T05:00:00Z")] // 00:00 Berlin (CEST): held until 07:00 local the same morning.
    [InlineData(20, 30, "2026-07-02T05:00:00Z")] // 22:30 the evening before: held until the next morning.
    [InlineData(4, 59, "2026-07-01T05:00:00Z")] // 06:59: a minute to go.
    public void An_alert_inside_quiet_hours_that_cross_midnight_is_held_until_they_end(int utcHour, int utcMinute, string until)
    {
        var settings = new ChannelSettings { TimeZone = "Europe/Berlin", Quiet = ChannelSettingsEditor.ParseQuiet("22:00-07:00"), MaxPerHour = 0 };
        var decision = DeliverySchedule.Decide(settings, Utc(7, 1, utcHour, utcMinute), [], BurstCap);

        Assert.Equal(HoldReason.QuietHours, decision.Reason);
        Assert.Equal(DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture), decision.Until);
    }

    [Theory]
    [InlineData(5, 0)] // 07:00 Berlin: quiet hours are over.
    [InlineData(19, 59)] // 21:59 Berlin: not yet.
    [InlineData(12, 0)]
    public void An_alert_outside_quiet_hours_is_sent_now(int utcHour, int utcMinute)
    {
        var settings = new ChannelSettings { TimeZone = "Europe/Berlin", Quiet = ChannelSettingsEditor.ParseQuiet("22:00-07:00"), MaxPerHour = 0 };

        Assert.True(DeliverySchedule.Decide(settings, Utc(7, 1, utcHour, utcMinute), [], BurstCap).IsNow);
    }

    [Fact]
    public void A_cap_of_3_per_hour_sends_3_of_10_alerts_and_folds_the_other_7_into_one_digest_at_the_end_of_the_hour()
    {
        var settings = new ChannelSettings { MaxPerHour = 3 };
        var clock = new FakeTimeProvider(Utc(5, 4, 9, 10));
        var sends = new List<DateTimeOffset>();
        var held = new List<DateTimeOffset>();

        for (var i = 0; i < 10; i++)
        {
            var decision = DeliverySchedule.Decide(settings, clock.GetUtcNow(), sends, BurstCap);
            if (decision.IsNow) sends.Add(clock.GetUtcNow());
            else
            {
                Assert.Equal(HoldReason.HourlyCap, decision.Reason);
                held.Add(decision.Until!.Value);
            }
            clock.Advance(TimeSpan.FromMinutes(4));
        }

        Assert.Equal(3, sends.Count);
        Assert.Equal(7, held.Count);
        Assert.Equal([Utc(5, 4, 10)], held.Distinct());
        // In the next hour the cap starts again.
        clock.SetUtcNow(Utc(5, 4, 10, 1));
        Assert.True(DeliverySchedule.Decide(settings, clock.GetUtcNow(), sends, BurstCap).IsNow);
    }

    [Fact]
    public void The_hour_of_the_cap_is_the_channels_own_clock_hour_in_a_half_hour_zone()
    {
        var settings = new ChannelSettings { MaxPerHour = 1, TimeZone = "Asia/Kolkata" };

        // 09:45 UTC is 15:15 in India: its hour began at 09:30 UTC and ends at 10:30 UTC.
        var decision = DeliverySchedule.Decide(settings, Utc(5, 4, 9, 45), [Utc(5, 4, 9, 35)], BurstCap);

        Assert.Equal(new ScheduleDecision(HoldReason.HourlyCap, Utc(5, 4, 10, 30)), decision);
        Assert.True(DeliverySchedule.Decide(settings, Utc(5, 4, 9, 45), [Utc(5, 4, 9, 25)], BurstCap).IsNow);
    }

    [Fact]
    public void A_channel_that_set_no_cap_gets_the_operators_burst_cap_and_off_means_no_cap()
    {
        var sends = Enumerable.Range(0, BurstCap).Select(i => Utc(5, 4, 9, i)).ToList();

        Assert.Equal(HoldReason.HourlyCap, DeliverySchedule.Decide(ChannelSettings.Default, Utc(5, 4, 9, 30), sends, BurstCap).Reason);
        Assert.True(DeliverySchedule.Decide(ChannelSettings.Default, Utc(5, 4, 9, 30), sends.Skip(1).ToList(), BurstCap).IsNow);
        Assert.True(DeliverySchedule.Decide(new ChannelSettings { MaxPerHour = 0 }, Utc(5, 4, 9, 30), sends, BurstCap).IsNow);
    }

    [Fact]
    public void A_paused_channel_holds_every_alert_until_it_is_resumed()
    {
        var paused = new ChannelSettings { Paused = true, Quiet = ChannelSettingsEditor.ParseQuiet("22:00-07:00") };

        Assert.Equal(new ScheduleDecision(HoldReason.Paused, null), DeliverySchedule.Decide(paused, Utc(5, 4, 12), [], BurstCap));
        Assert.Equal(new ScheduleDecision(HoldReason.Paused, null), DeliverySchedule.Decide(paused, Utc(5, 4, 23), [], BurstCap));
        Assert.True(DeliverySchedule.Decide(paused with { Paused = false }, Utc(5, 4, 12), [], BurstCap).IsNow);
    }

    [Fact]
    public void A_digest_time_inside_quiet_hours_moves_to_the_end_of_the_quiet_hours()
    {
        var settings = Digest("UTC", "06:00", "18:00") with { Quiet = ChannelSettingsEditor.ParseQuiet("22:00-07:00") };

        Assert.Equal(Utc(5, 5, 7), DeliverySchedule.Decide(settings, Utc(5, 4, 19), [], BurstCap).Until);
        Assert.Equal(Utc(5, 5, 18), DeliverySchedule.Decide(settings, Utc(5, 5, 7, 30), [], BurstCap).Until);
    }

    [Fact]
    public void A_cap_overflow_whose_hour_ends_in_quiet_hours_waits_for_them_to_end()
    {
        var settings = new ChannelSettings { MaxPerHour = 1, Quiet = ChannelSettingsEditor.ParseQuiet("22:00-07:00") };

        var decision = DeliverySchedule.Decide(settings, Utc(5, 4, 21, 30), [Utc(5, 4, 21, 5)], BurstCap);

        Assert.Equal(new ScheduleDecision(HoldReason.HourlyCap, Utc(5, 5, 7)), decision);
    }

    [Fact]
    public void A_subscription_that_asks_for_digests_is_held_for_the_next_digest_in_an_instant_channel()
    {
        var decision = DeliverySchedule.Decide(ChannelSettings.Default, Utc(5, 4, 9), [], BurstCap, subscriptionDigest: true);

        Assert.Equal(new ScheduleDecision(HoldReason.Digest, Utc(5, 4, 18)), decision);
    }

    [Fact]
    public void Every_digest_time_resolves_to_an_instant_in_every_bundled_zone()
    {
        var settings = Digest("UTC", "00:00", "02:30", "23:59");
        foreach (var zone in DateTimeZoneProviders.Tzdb.Ids)
        {
            var next = DeliverySchedule.NextDigest(settings with { TimeZone = zone }, Utc(3, 29, 0, 45));
            Assert.InRange(next, Utc(3, 29, 0, 45).AddTicks(1), Utc(3, 31, 0));
        }
    }
}
