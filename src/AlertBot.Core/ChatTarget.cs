namespace AlertBot.Core;

/// <summary>A place the bot can post to: a Discord channel or DM, a Telegram chat, the console.</summary>
/// <param name="Platform">Platform name as registered by its <c>IChatPlatform</c> ("console", "discord", "telegram").</param>
/// <param name="ChatId">The platform's own id of the chat, as a string (Discord snowflake, Telegram chat id).</param>
public sealed record ChatTarget(string Platform, string ChatId)
{
    public override string ToString() => $"{Platform}:{ChatId}";
}
