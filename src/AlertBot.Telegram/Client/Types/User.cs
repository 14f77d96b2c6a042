namespace AlertBot.Telegram.Client.Types;

public sealed class User
{
    public long Id { get; set; }
    public bool IsBot { get; set; }
    public string FirstName { get; set; } = "";
    public string? LastName { get; set; }
    public string? Username { get; set; }

    public string DisplayName => Username is { Length: > 0 } u ? "@" + u : (FirstName + " " + LastName).Trim();
}
