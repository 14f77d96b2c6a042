using AlertBot.Discord.Interactions;

namespace AlertBot.Tests.Discord;

public class RecentIdsTests
{
    [Fact]
    public void A_repeated_interaction_id_is_recognised()
    {
        var ids = new RecentIds(10);

        Assert.True(ids.Add("1"));
        Assert.False(ids.Add("1"));
        Assert.True(ids.Add("2"));
    }

    [Fact]
    public void The_oldest_ids_are_forgotten_beyond_capacity()
    {
        var ids = new RecentIds(2);
        ids.Add("1");
        ids.Add("2");
        ids.Add("3");

        Assert.True(ids.Add("1"));
        Assert.False(ids.Add("3"));
    }
}
