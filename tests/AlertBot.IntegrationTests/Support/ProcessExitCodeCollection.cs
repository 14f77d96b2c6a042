namespace AlertBot.IntegrationTests.Support;

/// <summary>Tests that set or read the process-wide <see cref="Environment.ExitCode"/> run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessExitCodeCollection
{
    public const string Name = "Process exit code";
}
