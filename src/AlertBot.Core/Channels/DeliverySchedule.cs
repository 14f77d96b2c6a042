using NodaTime;
using NodaTime.TimeZones;

namespace AlertBot.Core.Channels;

/// <summary>
/// The pure delivery policy: given a channel's settings, the clock and the channel's recent sends,
/// says when an alert is due. Held alerts are never dropped: every hold has a time it ends (or, when
/// paused, a resume). All local times resolve leniently in the channel's zone: a time skipped by a
/// spring-forward gap moves forward by the gap (02:30 becomes 03:30), and a time repeated by a
/// fall-back overlap means its first occurrence, so each digest time happens exactly once a day.
/// </summary>
public static class DeliverySchedule
{
    private static readonly ZoneLocalMappingResolver s_resolver = Resolvers.LenientResolver;

    /// <param name="settings">The channel's settings.</param>
    /// <param name="now">The clock.</param>
    /// <param name="recentSends">When the channel's recent messages went out (alerts and burst digests, not held digests).</param>
    /// <param name="defaultCap">The operator's <c>Delivery:BurstCap</c>, the hourly cap of channels that set none.</param>
    /// <param name="subscriptionDigest">The subscription that matched asks for digest delivery whatever the channel's mode.</param>
    public static ScheduleDecision Decide(
        ChannelSettings settings, DateTimeOffset now, IReadOnlyCollection<DateTimeOffset> recentSends, int defaultCap, bool subscriptionDigest = false)
    {
        if (settings.Paused) return new ScheduleDecision(HoldReason.Paused, null);

        var zone = settings.Zone;
        var instant = Instant.FromDateTimeOffset(now);
        if (settings.Quiet is { } quiet && quiet.Contains(instant.InZone(zone).TimeOfDay))
            return new ScheduleDecision(HoldReason.QuietHours, QuietEnd(quiet, zone, instant).ToDateTimeOffset());

        if (settings.Mode == DeliveryMode.Digest || subscriptionDigest)
            return new ScheduleDecision(HoldReason.Digest, NextDigest(settings, now));

        if (settings.EffectiveCap(defaultCap) is { } cap)
        {
            var hourStart = HourStart(zone, instant);
            var sent = recentSends.Count(s => Instant.FromDateTimeOffset(s) >= hourStart);
            if (sent >= cap)
                return new ScheduleDecision(HoldReason.HourlyCap, OutsideQuiet(settings, hourStart + Duration.FromHours(1)));
        }
        return ScheduleDecision.Now;
    }

    /// <summary>The first digest time strictly after <paramref name="now"/>, moved to the end of quiet hours if it falls inside them.</summary>
    public static DateTimeOffset NextDigest(ChannelSettings settings, DateTimeOffset now)
    {
        var zone = settings.Zone;
        var instant = Instant.FromDateTimeOffset(now);
        var today = instant.InZone(zone).Date;
        // Two days ahead is always enough: every day has each digest time once.
        for (var day = 0; day <= 2; day++)
        {
            var date = today.PlusDays(day);
            foreach (var time in settings.DigestTimes)
            {
                var at = zone.ResolveLocal(date + time, s_resolver).ToInstant();
                if (at > instant) return OutsideQuiet(settings, at);
            }
        }
        throw new InvalidOperationException("A channel in digest mode has no digest time.");
    }

    /// <summary>When the clock hour containing <paramref name="now"/> began, in the channel's zone (an elapsed hour, DST or not).</summary>
    public static DateTimeOffset HourStart(ChannelSettings settings, DateTimeOffset now) =>
        HourStart(settings.Zone, Instant.FromDateTimeOffset(now)).ToDateTimeOffset();

    private static Instant HourStart(DateTimeZone zone, Instant now)
    {
        var local = now.InZone(zone);
        var minutes = local.TimeOfDay.Minute * 60L + local.TimeOfDay.Second;
        return now - Duration.FromSeconds(minutes) - Duration.FromNanoseconds(local.TimeOfDay.NanosecondOfSecond);
    }

    private static DateTimeOffset OutsideQuiet(ChannelSettings settings, Instant at) =>
        settings.Quiet is { } quiet && quiet.Contains(at.InZone(settings.Zone).TimeOfDay)
            ? QuietEnd(quiet, settings.Zone, at).ToDateTimeOffset()
            : at.ToDateTimeOffset();

    /// <summary>The first end of quiet hours after <paramref name="inside"/>, which lies inside them.</summary>
    private static Instant QuietEnd(QuietHours quiet, DateTimeZone zone, Instant inside)
    {
        var local = inside.InZone(zone);
        var date = local.TimeOfDay < quiet.End ? local.Date : local.Date.PlusDays(1);
        return zone.ResolveLocal(date + quiet.End, s_resolver).ToInstant();
    }
}
