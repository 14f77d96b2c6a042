using AlertBot.Core.Storage;
using AlertBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Options;

namespace AlertBot.Tests.Storage;

/// <summary>A source check is claimed, so two processes on one database never check one feed at the same moment.</summary>
public sealed class SourceClaimTests
{
    private static SourceClaims Claims(TestDatabase db, string owner, int leaseSeconds = 600) =>
        new(db.Sources, new ClaimOwner(owner), Options.Create(new StorageOptions { CheckLeaseSeconds = leaseSeconds }), db.Time);

    private static async Task<(TestDatabase Db, long SourceId)> ArrangeAsync()
    {
        var db = await TestDatabase.CreateAsync(new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)), TestDatabase.Topic("t", "https://example.org/feed.xml"));
        return (db, Assert.Single(await db.Sources.ListAsync()).Id);
    }

    [Fact]
    public async Task A_second_process_skips_a_source_another_is_checking_and_takes_it_once_released()
    {
        var (db, id) = await ArrangeAsync();
        using var _ = db;
        var running = Claims(db, "run");
        var once = Claims(db, "once");

        var claim = await running.TryClaimAsync(id, default);
        Assert.NotNull(claim);
        Assert.Null(await once.TryClaimAsync(id, default));

        await claim.DisposeAsync();
        var second = await once.TryClaimAsync(id, default);
        Assert.NotNull(second);
        await second.DisposeAsync();
    }

    [Fact]
    public async Task A_check_cut_short_by_a_crash_blocks_its_source_only_until_the_lease_expires()
    {
        var (db, id) = await ArrangeAsync();
        using var _ = db;
        Assert.NotNull(await Claims(db, "crashed", leaseSeconds: 30).TryClaimAsync(id, default));
        var restarted = Claims(db, "restarted");

        Assert.Null(await restarted.TryClaimAsync(id, default));
        ((FakeTimeProvider)db.Time).Advance(TimeSpan.FromSeconds(31));
        Assert.NotNull(await restarted.TryClaimAsync(id, default));
    }
}
