using static AlertBot.Core.Feeds.Parsing.FeedNamespaces;

namespace AlertBot.Core.Feeds.Parsing;

/// <summary>Media RSS: media:content (directly or in media:group) as enclosures, the first image as the item's picture.</summary>
internal static class MediaReader
{
    public static (List<FeedEnclosure> Enclosures, string? Image) Read(XmlElement item)
    {
        var enclosures = new List<FeedEnclosure>();
        string? image = null;
        Collect(item, enclosures, ref image);
        foreach (var group in item.ChildrenNamed(Media, "group")) Collect(group, enclosures, ref image);
        return (enclosures, image);
    }

    private static void Collect(XmlElement parent, List<FeedEnclosure> enclosures, ref string? image)
    {
        foreach (var child in parent.Children)
        {
            if (child.Namespace != Media) continue;
            var url = ReadContext.Url(child, child.Attr("url"));
            if (url is null) continue;
            if (child.LocalName == "thumbnail") { image ??= url; continue; }
            if (child.LocalName != "content") continue;
            var type = ReadContext.Trimmed(child.Attr("type"));
            var medium = child.Attr("medium");
            if (image is null && (medium == "image" || type?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true)) image = url;
            enclosures.Add(new FeedEnclosure(url, type, long.TryParse(child.Attr("fileSize")?.Trim(), out var n) ? n : null));
        }
    }
}
