namespace AlertBot.Core.Channels;

/// <summary>Shortens a summary to a channel's summary length: whole sentences when they fit, else whole words and an ellipsis.</summary>
public static class SummaryCut
{
    public static string Cut(string summary, int max)
    {
        if (summary.Length <= max) return summary;
        var head = summary[..max];
        var sentenceEnd = head.LastIndexOfAny(['.', '!', '?']);
        if (sentenceEnd >= max / 2) return head[..(sentenceEnd + 1)];
        var space = head[..(max - 1)].LastIndexOf(' ');
        return (space > 0 ? head[..space] : head[..(max - 1)]).TrimEnd(',', ';', ':', ' ') + "…";
    }
}
