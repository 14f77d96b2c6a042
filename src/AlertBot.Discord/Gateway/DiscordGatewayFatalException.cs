namespace AlertBot.Discord.Gateway;

/// <summary>Discord closed the gateway with a code that forbids reconnecting. The message says what to fix.</summary>
public sealed class DiscordGatewayFatalException : Exception
{
    public DiscordGatewayFatalException() { }

    public DiscordGatewayFatalException(string message) : base(message) { }

    public DiscordGatewayFatalException(string message, Exception inner) : base(message, inner) { }

    public int? CloseCode { get; init; }
}
