using AlertBot.Core.Stories;

namespace AlertBot.Tests.Stories;

public sealed class WordSetTests
{
    [Fact]
    public void A_set_holds_exactly_the_hashes_it_was_made_of_whatever_its_filter_says()
    {
        var rng = new Random(7);
        for (var size = 0; size < 300; size += 13)
        {
            var held = Enumerable.Range(0, size).Select(_ => (uint)rng.NextInt64(uint.MaxValue + 1L)).ToHashSet();
            var set = WordSet.Of(held.ToArray());
            var sorted = WordSet.OfSorted([.. held.Order()]);
            foreach (var h in held.Concat(Enumerable.Range(0, 2_000).Select(_ => (uint)rng.NextInt64(uint.MaxValue + 1L))))
            {
                Assert.Equal(held.Contains(h), set.Contains(h));
                Assert.Equal(held.Contains(h), sorted.Contains(h));
            }
        }
    }
}
