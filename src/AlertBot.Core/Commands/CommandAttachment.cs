namespace AlertBot.Core.Commands;

/// <summary>
/// A file sent with a command: a Discord attachment option (<see cref="Url"/>, on Discord's CDN, fetched through the
/// guarded fetcher like any address from chat) or a Telegram document (<see cref="Download"/>, because its address
/// carries the bot's token and only the adapter may use it). Read only by the command that takes a file, and only
/// after the caller's rights were checked.
/// </summary>
/// <param name="FileName">As the sender named it; for replies only, escaped like everything else.</param>
/// <param name="Size">Bytes, when the platform said; a file larger than a command's cap is refused before it is read.</param>
/// <param name="Url">Where an http(s) file can be fetched, or null when <see cref="Download"/> reads it.</param>
public sealed record CommandAttachment(string FileName, long? Size, Uri? Url)
{
    /// <summary>
    /// Reads the file through the platform, at most the given number of bytes; null when <see cref="Url"/> is used.
    /// Never throws for a file that cannot be read: that is the error text.
    /// </summary>
    public Func<long, CancellationToken, Task<AttachmentRead>>? Download { get; init; }
}
