using System.Text.Json.Serialization;

namespace AlertBot.Telegram.Client.Requests;

/// <summary>
/// A Bot API method call with a typed result. The request's own properties are its JSON body
/// (snake_case, nulls left out); <see cref="MethodName"/> is the URL path segment.
/// </summary>
/// <remarks>Not virtual properties: an override would lose [JsonIgnore] and end up in the body.</remarks>
public abstract record TelegramRequest<TResult>(string MethodName)
{
    [JsonIgnore]
    public string MethodName { get; } = MethodName;

    /// <summary>How long the HTTP call may take; null means the configured request timeout.</summary>
    public virtual TimeSpan? HttpTimeout() => null;
}

/// <summary>A request that posts into a chat, so it goes through the per-chat rate limiter.</summary>
public interface IChatMessageRequest
{
    long ChatId { get; }
}
