namespace AlertBot.Core.Commands;

/// <summary>What makes someone a moderator on each platform, said in the platform's own words for refusals.</summary>
public static class ModeratorRights
{
    public static string Needed(string platform) => platform switch
    {
        "discord" => "you need Manage Channels or Manage Server in this server",
        "telegram" => "you need to be an administrator of this chat",
        _ => "you need moderator rights in this chat",
    };

    /// <summary>"/topic add is for moderators: you need Manage Channels or Manage Server in this server."</summary>
    public static string Refusal(string command, string platform) => $"{command} is for moderators: {Needed(platform)}.";
}
