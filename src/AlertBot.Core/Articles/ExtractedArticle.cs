namespace AlertBot.Core.Articles;

/// <summary>An article's headline and cleaned text: paragraphs separated by '\n', table rows starting with '|'.</summary>
public sealed record ExtractedArticle(string Title, string Text)
{
    public static readonly ExtractedArticle Empty = new("", "");
}
