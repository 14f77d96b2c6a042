using System.Globalization;

namespace AlertBot.Discord.Interactions;

/// <summary>Permission bits (a 64-bit field sent as a decimal string) and the moderator rule.</summary>
internal static class DiscordPermissions
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageChannels = 1UL << 4;
    public const ulong ManageGuild = 1UL << 5;
    public const ulong ViewChannel = 1UL << 10;
    public const ulong SendMessages = 1UL << 11;
    public const ulong EmbedLinks = 1UL << 14;
    public const ulong ReadMessageHistory = 1UL << 16;

    /// <summary>What the bot needs in an alert channel; the invite URL asks for exactly these (84992).</summary>
    public const ulong BotNeeds = ViewChannel | SendMessages | EmbedLinks | ReadMessageHistory;

    /// <summary>Parses Discord's decimal-string permission set; anything unparsable grants nothing.</summary>
    public static ulong Parse(string? value) =>
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? bits : 0;

    /// <summary>Administrators have every permission implicitly; otherwise all needed bits must be set.</summary>
    public static bool Has(ulong granted, ulong needed) =>
        (granted & Administrator) != 0 || (granted & needed) == needed;

    /// <summary>Moderator in AlertBot's sense: Manage Channels in the channel (overwrites included), Manage Server or Administrator.</summary>
    public static bool IsModerator(string? memberPermissions)
    {
        var granted = Parse(memberPermissions);
        return Has(granted, ManageChannels) || Has(granted, ManageGuild);
    }
}
