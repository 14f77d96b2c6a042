using AlertBot.Scheduling;

namespace AlertBot.Tests.Scheduling;

public sealed class SourceSchedulerTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 30, 1, 2, 3, TimeSpan.Zero);
    private static readonly TimeSpan s_interval = TimeSpan.FromMinutes(10);

    [Fact]
    public void A_source_not_yet_due_first_runs_when_it_is_due()
    {
        var next = s_now.AddMinutes(7);
        Assert.Equal(next, SourceScheduler.FirstRun(42, next, s_interval, s_now));
    }

    [Fact]
    public void A_due_source_runs_within_the_coming_interval_at_the_same_place_after_a_restart()
    {
        var first = SourceScheduler.FirstRun(42, s_now.AddHours(-3), s_interval, s_now);
        var later = SourceScheduler.FirstRun(42, null, s_interval, s_now.AddMinutes(33));

        Assert.InRange(first, s_now, s_now + s_interval);
        Assert.InRange(later, s_now.AddMinutes(33), s_now.AddMinutes(43));
        Assert.Equal(0, (later - first).Ticks % s_interval.Ticks);
    }

    [Fact]
    public void A_thousand_due_sources_on_one_interval_are_spread_evenly_over_it()
    {
        var starts = Enumerable.Range(1, 1000).Select(id => SourceScheduler.FirstRun(id, null, s_interval, s_now)).ToList();

        var perMinute = starts.GroupBy(s => (int)((s - s_now) / TimeSpan.FromMinutes(1))).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(10, perMinute.Count);
        Assert.All(perMinute.Values, count => Assert.InRange(count, 70, 130));
    }
}
