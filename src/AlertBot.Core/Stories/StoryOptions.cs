namespace AlertBot.Core.Stories;

/// <summary>Configuration section "Stories": how reports are grouped into stories.</summary>
public sealed class StoryOptions
{
    public const string Section = "Stories";

    /// <summary>How long, in hours, a story takes new reports from its first report. Developments within it stay in the story.</summary>
    public double WindowHours { get; set; } = 72;

    /// <summary><see cref="WindowHours"/> as a span.</summary>
    public TimeSpan Window
    {
        get => TimeSpan.FromHours(WindowHours);
        set => WindowHours = value.TotalHours;
    }

    /// <summary>Least TF-IDF cosine between a report and a story for the report to join it.</summary>
    public double JoinThreshold { get; set; } = 0.2;

    /// <summary>Sentences of the text, after the title, that make a report's terms (news puts the event first).</summary>
    public int LeadSentences { get; set; } = 4;

    /// <summary>Terms a story keeps (its heaviest); bounds memory per story.</summary>
    public int MaxStoryTerms { get; set; } = 64;

    /// <summary>Share of a report's sampled word triples found in a story that makes it a copy of it (agency text).</summary>
    public double CopyContainment { get; set; } = 0.6;
}
