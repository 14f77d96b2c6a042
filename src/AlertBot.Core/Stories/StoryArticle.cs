namespace AlertBot.Core.Stories;

/// <summary>A report as the stories stage takes it: cleaned text (the feed's teaser or the full article), its date and outlet.</summary>
/// <param name="Id">The caller's id for the report (an article id, a stream line's id).</param>
/// <param name="Published">When it was published; the fetch time when the feed gives none.</param>
public sealed record StoryArticle(string Id, string Title, string Text, DateTimeOffset Published, string? Outlet = null, string? Url = null);
