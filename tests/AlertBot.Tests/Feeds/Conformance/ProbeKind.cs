namespace AlertBot.Tests.Feeds.Conformance;

/// <summary>How a probed value is compared: plain text, HTML text, URL, exact string, UTC instant, count, encoding label or version name.</summary>
internal enum ProbeKind { Plain, Text, Url, Exact, Date, Count, Encoding, Version }
