using static AlertBot.Core.Feeds.Parsing.FeedNamespaces;
using AlertBot.Core.Text;

namespace AlertBot.Core.Feeds.Parsing;

/// <summary>Media RSS: media:content (directly or in media:group) as enclosures, the first image as the item's picture.</summary>
internal static class MediaReader
{
    private static readonly MediaInfo None = new();

    /// <summary>The item's media; a shared empty instance (read-only by convention) when it has none.</summary>
    public static MediaInfo Read(XmlElement item)
    {
        var any = false;
        foreach (var child in item.Children) any |= child.Namespace == Media;
        if (!any) return None;
        var info = new MediaInfo();
        Collect(item, info);
        foreach (var group in item.ChildrenNamed(Media, "group")) Collect(group, info);
        return info;
    }

    private static void Collect(XmlElement parent, MediaInfo info)
    {
        var enclosures = info.Enclosures;
        foreach (var child in parent.Children)
        {
            if (child.Namespace != Media) continue;
            switch (child.LocalName)
            {
                case "title": info.Title ??= ReadContext.Trimmed(HtmlText.ToPlain(child.Text)); continue;
                case "description": info.Description ??= ReadContext.Trimmed(HtmlText.ToPlain(child.Text)); continue;
                case "category":
                    if (ReadContext.Trimmed(child.Text) is { } category && !info.Categories.Contains(category)) info.Categories.Add(category);
                    continue;
            }
            var url = ReadContext.Url(child, child.Attr("url"));
            if (url is null) continue;
            if (child.LocalName == "thumbnail") { info.Image ??= url; continue; }
            if (child.LocalName != "content") continue;
            var type = ReadContext.Trimmed(child.Attr("type"));
            var medium = child.Attr("medium");
            if (info.Image is null && (medium == "image" || type?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true)) info.Image = url;
            enclosures.Add(new FeedEnclosure(url, type, long.TryParse(child.Attr("fileSize")?.Trim(), out var n) ? n : null));
        }
    }
}
