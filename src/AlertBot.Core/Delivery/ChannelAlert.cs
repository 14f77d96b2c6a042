using AlertBot.Core.Channels;

namespace AlertBot.Core.Delivery;

/// <summary>An alert as one channel wants it: its summary length, figures or not, link previews or not.</summary>
public static class ChannelAlert
{
    public static AlertMessage Apply(AlertMessage alert, ChannelSettings settings) => alert with
    {
        Summary = SummaryCut.Cut(alert.Summary, settings.SummaryLength),
        Figures = settings.Figures ? alert.Figures : [],
        ShowPreview = settings.Previews,
    };
}
