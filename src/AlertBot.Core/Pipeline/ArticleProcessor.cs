using AlertBot.Core.Articles;
using AlertBot.Core.Feeds;
using AlertBot.Core.Figures;
using AlertBot.Core.Summaries;
using AlertBot.Core.Text;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Pipeline;

/// <summary>
/// Clean and enrich: from a feed item to text, summary and figures. <see cref="Enrich"/> is pure apart from options;
/// <see cref="ProcessAsync"/> also fetches the linked page when the item carries only a teaser.
/// </summary>
public sealed class ArticleProcessor(IOptions<SummaryOptions> options, ArticleTextResolver? resolver = null) : IArticleEnricher
{
    /// <summary>The item's cleaned text (a teaser-only item gets the text of its linked page), summary and figures.</summary>
    public async Task<ProcessedArticle> ProcessAsync(FeedItem item, CancellationToken ct)
    {
        var text = await StageTimes.TimeAsync(PipelineStage.Clean, async () =>
            resolver is null ? ArticleTextResolver.CleanFromFeed(item) : await resolver.ResolveAsync(item, ct));
        return Enrich(item.Title, text);
    }

    /// <summary>Summary and figures for an article's cleaned text (also what <c>alertbot extract</c> prints).</summary>
    public ProcessedArticle Enrich(string? title, string text)
    {
        title = (title ?? "").Trim();
        // Figures and the summary read the same sentences: each line is split once.
        var sentences = new ArticleSentences(text);
        if (title.Length == 0) title = Summarizer.Summarize("", sentences, 120, []) is { Length: > 0 } s ? s : "(untitled)";
        var figures = StageTimes.Time(PipelineStage.Figures, () => FigureExtractor.Extract(title, sentences));
        // The summary prefers the sentences the figures were quoted from: they carry the story's numbers.
        var summary = StageTimes.Time(PipelineStage.Summary, () => Summarizer.Summarize(title, sentences, options.Value.MaxChars, figures.Select(f => f.Quote).ToList()));
        return new ProcessedArticle(title, text, summary, figures);
    }
}

/// <summary>Configuration section "Summaries".</summary>
public sealed class SummaryOptions
{
    public const string Section = "Summaries";

    /// <summary>Longest summary, in characters; whole sentences only.</summary>
    public int MaxChars { get; set; } = Summarizer.DefaultMaxChars;
}
