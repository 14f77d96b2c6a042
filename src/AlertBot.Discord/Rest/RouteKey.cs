namespace AlertBot.Discord.Rest;

/// <summary>
/// What Discord rate-limits a request by: method + route template (ids replaced) + the "major" parameter
/// (channel, guild, or webhook id + token). <c>POST /channels/A/messages</c> and <c>/channels/B/messages</c>
/// share a template but not a limit.
/// </summary>
internal sealed record RouteKey(string Method, string Template, string Major)
{
    public string Route => Method + " " + Template;

    public override string ToString() => Major.Length == 0 ? Route : Route + ":" + Major;

    public static RouteKey For(HttpMethod method, string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var segments = (query >= 0 ? path[..query] : path).Trim('/').Split('/');
        var template = new string[segments.Length];
        var major = "";
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var previous = i > 0 ? segments[i - 1] : "";
            if (i == 1 && IsSnowflake(segment) && previous is "channels" or "guilds" or "webhooks")
            {
                // The top-level resource id is the major parameter: it stays part of the key.
                major = segment;
                template[i] = "{" + previous[..^1] + "_id}";
            }
            else if (i == 2 && previous.Length > 0 && segments[0] is "webhooks" or "interactions" && !IsSnowflake(segment))
            {
                // Webhook and interaction tokens: a webhook's token is part of its major parameter.
                if (segments[0] == "webhooks")
                {
                    major += "/" + segment;
                }

                template[i] = "{token}";
            }
            else
            {
                template[i] = IsSnowflake(segment) ? "{id}" : segment;
            }
        }

        return new RouteKey(method.Method, "/" + string.Join('/', template), major);
    }

    private static bool IsSnowflake(string segment) => segment.Length > 0 && segment.All(char.IsAsciiDigit);
}
