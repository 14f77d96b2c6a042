namespace AlertBot.Discord.Rest;

/// <summary>A file uploaded with a message: the multipart part <c>files[n]</c>, tied to <c>attachments[n]</c> of the payload.</summary>
internal sealed record DiscordFile(string Name, byte[] Content, string ContentType);
