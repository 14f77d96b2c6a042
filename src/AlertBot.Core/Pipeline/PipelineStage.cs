namespace AlertBot.Core.Pipeline;

/// <summary>
/// The stages of a check whose time <see cref="StageTimes"/> adds up. Clean, Summary and Figures are parts of Enrich;
/// StoryRead is reading reports for the stories stage (in parallel), Stories the wait for its turn and the assignment.
/// Write is the time the database's one writer spends writing: its transactions, each holding the commits of every
/// check that waited for it together (Commit is each check's wait for its own commit, writing included).
/// </summary>
public enum PipelineStage
{
    Fetch,
    Parse,
    Select,
    Enrich,
    Clean,
    Summary,
    Figures,
    StoryRead,
    Stories,
    Match,
    Commit,
    Write,
}
