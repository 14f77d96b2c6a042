using System.Buffers;

namespace AlertBot.Core.Feeds.Fetching;

/// <summary>Reads a response body into memory, stopping as soon as it exceeds the cap instead of after.</summary>
public static class BoundedBodyReader
{
    /// <returns>The body, or null when it is larger than <paramref name="maxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        // Content-Length describes the encoded body; with decompression on it is a lower bound, so only reject early.
        var declared = content.Headers.ContentEncoding.Count == 0 ? content.Headers.ContentLength : null;
        if (declared > maxBytes) return null;

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes + 1, declared is { } d ? d + 1 : 16 * 1024));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes) return null;
                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0) break;
                length += read;
                if (length > maxBytes) return null;
            }
            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
