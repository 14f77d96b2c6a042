namespace AlertBot.Telegram.Client.Types;

/// <summary>The envelope every Bot API method answers with.</summary>
internal sealed class ApiResponse<T>
{
    public bool Ok { get; set; }
    public T? Result { get; set; }
    public int? ErrorCode { get; set; }
    public string? Description { get; set; }
    public ResponseParameters? Parameters { get; set; }
}

internal sealed class ResponseParameters
{
    public int? RetryAfter { get; set; }
    public long? MigrateToChatId { get; set; }
}
