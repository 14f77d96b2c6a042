namespace AlertBot.Core.Pipeline;

/// <summary>The stages of a check whose time <see cref="StageTimes"/> adds up. Clean, Summary and Figures are parts of Enrich.</summary>
public enum PipelineStage
{
    Fetch,
    Parse,
    Select,
    Enrich,
    Clean,
    Summary,
    Figures,
    Stories,
    Match,
    Commit,
}
