namespace AlertBot.Telegram.Client.Types;

/// <summary>A span of a message. Offset and Length count UTF-16 code units, the same unit as a .NET string index.</summary>
public sealed class MessageEntity
{
    public string Type { get; set; } = "";
    public int Offset { get; set; }
    public int Length { get; set; }
    public string? Url { get; set; }
}
