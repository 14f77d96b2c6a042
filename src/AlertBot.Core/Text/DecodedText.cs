namespace AlertBot.Core.Text;

/// <param name="Doubtful">The declared encoding was unknown or did not fit the bytes.</param>
internal readonly record struct DecodedText(string Text, string EncodingName, bool Doubtful);
