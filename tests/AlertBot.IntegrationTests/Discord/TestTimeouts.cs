namespace AlertBot.IntegrationTests.Discord;

internal static class TestTimeouts
{
    /// <summary>Upper bound for awaiting a signal that should come in milliseconds; generous for a loaded CI box.</summary>
    public static readonly TimeSpan Signal = TimeSpan.FromSeconds(15);
}
