namespace AlertBot.Telegram.Client;

/// <summary>
/// Removes the bot token from any text before it reaches a log line or an exception message.
/// The token sits in every request URL, so anything that may quote a URL passes through here.
/// </summary>
public sealed class TokenMasker(string token)
{
    public const string Mask = "<token>";

    private readonly string[] _forms = Forms(token);

    public string Apply(string? text)
    {
        if (string.IsNullOrEmpty(text) || _forms.Length == 0) return text ?? "";
        foreach (var form in _forms)
            text = text.Replace(form, Mask, StringComparison.OrdinalIgnoreCase);
        return text;
    }

    public bool Contains(string? text) => text is not null && _forms.Any(f => text.Contains(f, StringComparison.OrdinalIgnoreCase));

    // The whole token, its URL-escaped form, and the secret half alone (the bot id half is public).
    private static string[] Forms(string token)
    {
        if (string.IsNullOrEmpty(token)) return [];
        var forms = new List<string> { token, Uri.EscapeDataString(token) };
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && token.Length - colon > 8) forms.Add(token[(colon + 1)..]);
        return forms.Distinct().OrderByDescending(f => f.Length).ToArray();
    }
}
