using AlertBot.Core.Articles;
using AlertBot.Core.Feeds;
using AlertBot.Core.Figures;
using AlertBot.Core.Summaries;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Pipeline;

/// <summary>Clean and enrich: from a feed item to text, summary and figures. Pure apart from options.</summary>
public sealed class ArticleProcessor(IOptions<SummaryOptions> options)
{
    public ProcessedArticle Process(FeedItem item)
    {
        var title = (item.Title ?? "").Trim();
        var raw = item.Content ?? item.Summary ?? "";
        var plain = HtmlFragmentText.LooksLikeHtml(raw) ? HtmlFragmentText.ToPlainText(raw) : raw;
        var text = ArticleCleaner.Clean(title, plain);
        if (title.Length == 0) title = Summarizer.Summarize("", text, 120) is { Length: > 0 } s ? s : "(untitled)";
        var summary = Summarizer.Summarize(title, text, options.Value.MaxChars);
        var figures = FigureExtractor.Extract(title, text);
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
