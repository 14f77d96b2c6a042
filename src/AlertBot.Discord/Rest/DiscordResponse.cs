using System.Net;
using System.Text.Json;

namespace AlertBot.Discord.Rest;

/// <summary>
/// The outcome of one REST call after rate limits and retries. Never thrown: callers map it to their own results.
/// </summary>
/// <param name="Status">HTTP status, or 0 when no response came (network failure, guard refused to send).</param>
/// <param name="Body">Raw body ("" for 204).</param>
/// <param name="ErrorCode">Discord's JSON error <c>code</c> on failures, when present.</param>
/// <param name="RetryAfter">Set when the caller should try again later (exhausted 429 retries, invalid-request guard).</param>
internal sealed record DiscordResponse(int Status, string Body, int? ErrorCode, string? ErrorMessage, TimeSpan? RetryAfter = null)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public bool IsTransient => Status == 0 || Status == (int)HttpStatusCode.TooManyRequests || Status >= 500;

    public JsonDocument Json() => JsonDocument.Parse(Body.Length == 0 ? "null" : Body);

    public string Describe() => IsSuccess
        ? $"HTTP {Status}"
        : $"HTTP {Status}" + (ErrorCode is { } code ? $" code {code}" : "") + (ErrorMessage is { } message ? $": {message}" : "");

    public static DiscordResponse From(int status, string body)
    {
        if (status is >= 200 and < 300)
        {
            return new DiscordResponse(status, body, null, null);
        }

        int? code = null;
        string? message = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (doc.RootElement.TryGetProperty("code", out var c) && c.TryGetInt32(out var parsed))
                {
                    code = parsed;
                }

                if (doc.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                {
                    message = m.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // An HTML error page (Cloudflare) or an empty body: keep the status only.
            message = body.Length > 200 ? body[..200] : body;
        }

        return new DiscordResponse(status, body, code, message);
    }
}
