using AlertBot.Core.Commands;
using AlertBot.Telegram.Client;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace AlertBot.Telegram.Adapter;

/// <summary>
/// Documents sent with a command: the file of a message whose caption is the command, or of the message the command
/// replies to. Read through getFile and the Bot API's file download (whose address carries the token, so it never
/// leaves this class), and never beyond the size the command allows.
/// </summary>
public sealed class TelegramDocuments(BotApiClient client, ILogger<TelegramDocuments> logger)
{
    /// <summary>The document of <paramref name="message"/>, or of the message it replies to; null when there is none.</summary>
    public CommandAttachment? For(Message message)
    {
        var document = message.Document ?? message.ReplyToMessage?.Document;
        if (document is null) return null;
        return new CommandAttachment(document.FileName ?? "document", document.FileSize, Url: null)
        {
            Download = (maxBytes, ct) => DownloadAsync(document.FileId, maxBytes, ct),
        };
    }

    private async Task<AttachmentRead> DownloadAsync(string fileId, long maxBytes, CancellationToken ct)
    {
        var tooLarge = AttachmentRead.Failed($"the file is larger than {maxBytes / 1024} KiB");
        using var buffer = new CappedBuffer(maxBytes);
        try
        {
            var file = await client.GetFile(fileId, ct);
            if (file.FileSize > maxBytes) return tooLarge;
            if (string.IsNullOrEmpty(file.FilePath)) return AttachmentRead.Failed("Telegram gave no way to download the file");
            await client.DownloadFile(file.FilePath, buffer, ct);
            return new AttachmentRead(buffer.ToArray(), null);
        }
        catch (Exception ex) when (buffer.Overflowed && ex is IOException or RequestException)
        {
            return tooLarge;
        }
        catch (RequestException ex)
        {
            // The download address holds the token: only the masked message is logged or shown.
            var message = client.Masker.Apply(ex.Message);
            logger.LogWarning("Reading a Telegram document failed: {Error}", message);
            return AttachmentRead.Failed("Telegram could not send the file: " + message);
        }
    }

    /// <summary>A memory stream that refuses to grow past a cap, so a download stops as soon as it is too large.</summary>
    private sealed class CappedBuffer(long max) : MemoryStream
    {
        public bool Overflowed { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Check(count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Check(buffer.Length);
            base.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Check(count);
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Check(buffer.Length);
            return base.WriteAsync(buffer, cancellationToken);
        }

        public override void WriteByte(byte value)
        {
            Check(1);
            base.WriteByte(value);
        }

        private void Check(int more)
        {
            if (Length + more <= max) return;
            Overflowed = true;
            throw new IOException($"more than {max} bytes");
        }
    }
}
