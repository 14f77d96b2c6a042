namespace AlertBot.Core.Commands;

/// <summary>A file's bytes, or why they could not be read (in words a moderator understands).</summary>
public sealed record AttachmentRead(byte[]? Bytes, string? Error)
{
    public static AttachmentRead Failed(string error) => new(null, error);
}
