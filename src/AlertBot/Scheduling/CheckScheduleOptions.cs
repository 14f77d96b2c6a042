namespace AlertBot.Scheduling;

/// <summary>Set by the host, not by configuration: how scheduled checks behave in this run mode.</summary>
public sealed class CheckScheduleOptions
{
    /// <summary>Sources marked drip reveal one item per check (the interactive demo).</summary>
    public bool HonourDrip { get; set; }
}
