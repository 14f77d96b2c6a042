namespace AlertBot.Core.Health;

/// <summary>A chat platform's part of /readyz: connected (Discord READY or resumed, Telegram polling or webhook set) or why not.</summary>
public interface IPlatformReadiness
{
    string Platform { get; }

    /// <summary>Null when connected; otherwise what is missing, in words an operator understands (never a secret).</summary>
    string? NotReadyReason { get; }
}
