using AlertBot.Discord.Interactions;

namespace AlertBot.Tests.Discord;

public class DiscordPermissionsTests
{
    [Theory]
    [InlineData("16", true)]                    // MANAGE_CHANNELS
    [InlineData("8", true)]                     // ADMINISTRATOR implies everything
    [InlineData("2147483647", true)]
    [InlineData("2048", false)]                 // SEND_MESSAGES only
    [InlineData("32", true)]                    // MANAGE_GUILD (Manage Server) also moderates (issue 14)
    [InlineData("274877906944", false)]         // bit 38, beyond 32 bits
    [InlineData("274877906960", true)]          // bit 38 + MANAGE_CHANNELS
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("-16", false)]
    [InlineData("abc", false)]
    public void Moderator_means_manage_channels_manage_server_or_administrator(string? permissions, bool expected)
    {
        Assert.Equal(expected, DiscordPermissions.IsModerator(permissions));
    }

    [Fact]
    public void Bot_permission_integer_for_the_invite_url_is_view_send_embed_history()
    {
        Assert.Equal(84992UL, DiscordPermissions.BotNeeds);
    }

    [Theory]
    [InlineData(1024UL | 2048UL, 1024UL | 2048UL, true)]
    [InlineData(1024UL, 1024UL | 2048UL, false)]
    [InlineData(8UL, 1024UL | 2048UL, true)]
    public void All_needed_bits_must_be_granted(ulong granted, ulong needed, bool expected)
    {
        Assert.Equal(expected, DiscordPermissions.Has(granted, needed));
    }
}
