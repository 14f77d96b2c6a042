namespace AlertBot.Core.Pipeline;

/// <summary>
/// The stages of a check whose time <see cref="StageTimes"/> adds up. Clean, Summary and Figures are parts of Enrich;
/// StoryRead is reading reports for the stories stage (in parallel), Stories the wait for its turn and the assignment.
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
}
