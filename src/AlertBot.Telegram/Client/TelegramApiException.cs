namespace AlertBot.Telegram.Client;

/// <summary>
/// The Bot API answered <c>ok:false</c>. Decide on <see cref="ErrorCode"/> and the parameters first,
/// on <see cref="Description"/> (never containing the token) only second.
/// </summary>
public sealed class TelegramApiException : Exception
{
    public TelegramApiException(string method, int errorCode, string description, int? retryAfterSeconds = null, long? migrateToChatId = null)
        : base($"Telegram {method} failed: {errorCode} {description}")
    {
        Method = method;
        ErrorCode = errorCode;
        Description = description;
        RetryAfterSeconds = retryAfterSeconds;
        MigrateToChatId = migrateToChatId;
    }

    public TelegramApiException() : this("?", 0, "") { }
    public TelegramApiException(string message) : base(message) { Method = "?"; Description = message; }
    public TelegramApiException(string message, Exception inner) : base(message, inner) { Method = "?"; Description = message; }

    public string Method { get; }
    public int ErrorCode { get; }
    public string Description { get; }
    public int? RetryAfterSeconds { get; }
    public long? MigrateToChatId { get; }

    public bool IsRateLimited => ErrorCode == 429;
    public bool IsConflict => ErrorCode == 409;
    public bool IsServerError => ErrorCode >= 500;
}

/// <summary>The request never got a Bot API answer (network failure, timeout, non-JSON reply). Always transient.</summary>
public sealed class TelegramNetworkException : Exception
{
    public TelegramNetworkException() { }
    public TelegramNetworkException(string message) : base(message) { }
    public TelegramNetworkException(string message, Exception? inner) : base(message, inner) { }
}
