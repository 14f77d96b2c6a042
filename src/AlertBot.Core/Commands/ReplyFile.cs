namespace AlertBot.Core.Commands;

/// <summary>A file attached to a reply.</summary>
/// <param name="Name">File name, e.g. "valencia-flood.opml".</param>
/// <param name="Content">UTF-8 text of the file.</param>
public sealed record ReplyFile(string Name, string Content);
