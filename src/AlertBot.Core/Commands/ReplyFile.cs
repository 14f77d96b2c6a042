namespace AlertBot.Core.Commands;

/// <summary>A file attached to a reply.</summary>
/// <param name="Name">File name, e.g. "valencia-flood.opml".</param>
/// <param name="Content">UTF-8 text of the file.</param>
/// <param name="ContentType">Its media type, for platforms that upload it.</param>
public sealed record ReplyFile(string Name, string Content, string ContentType = "text/plain")
{
    public byte[] Bytes() => System.Text.Encoding.UTF8.GetBytes(Content);
}
