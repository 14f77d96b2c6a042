using AlertBot.Core.Subscriptions;

namespace AlertBot.Tests.Subscriptions;

public sealed class ResultOrderTests
{
    [Theory]
    [InlineData(5, 0L, 100L)]
    [InlineData(500, 0L, 1_000_000L)]
    [InlineData(3000, -5_000_000_000L, 5_000_000_000L)]
    [InlineData(2000, long.MinValue, long.MaxValue)]
    [InlineData(1000, 42L, 43L)]
    public void Ids_come_out_ascending_as_a_comparison_sort_orders_them(int count, long min, long max)
    {
        var random = new Random(count);
        var ids = Enumerable.Range(0, count).Select(_ => random.NextInt64(min, max)).ToArray();
        var expected = ids.Order().ToArray();
        var buffer = Array.Empty<long>();

        ResultOrder.Sort(ids, ref buffer);

        Assert.Equal(expected, ids);
    }
}
