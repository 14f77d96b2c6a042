namespace AlertBot.IntegrationTests.Reliability;

/// <summary>
/// Tests that run the bot as child processes take whole cores; they run on their own, after the others, so they
/// neither slow the timing-sensitive tests next to them nor get slowed into their own leases.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BotProcessCollection
{
    public const string Name = "bot processes";
}
