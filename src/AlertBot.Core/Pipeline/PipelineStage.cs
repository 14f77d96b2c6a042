namespace AlertBot.Core.Pipeline;

/// <summary>
/// The stages of a check whose time <see cref="StageTimes"/> adds up. Clean, Summary and Figures are parts of Enrich;
/// StoryRead is reading reports for the stories stage (in parallel), Stories the wait for its turn and the assignment.
/// Write is the part of Commit spent holding the database's one writer (the rest is the wait for it).
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
