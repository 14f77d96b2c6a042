using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlertBot.Discord.Gateway;

/// <summary>
/// One WebSocket to the gateway: frames assembled until EndOfMessage, and every send serialised (ClientWebSocket
/// allows one SendAsync at a time, while the heartbeat and the receive loop both send).
/// </summary>
internal sealed class GatewayConnection(ClientWebSocket socket) : IDisposable
{
    private const int MaxPayloadBytes = 4096;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);

    public async Task SendAsync(JsonNode payload, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        if (bytes.Length > MaxPayloadBytes)
        {
            // Discord closes with 4002 for this; it would be our bug, so fail loudly instead.
            throw new InvalidOperationException($"Gateway payload of {bytes.Length} bytes exceeds {MaxPayloadBytes}.");
        }

        await _sendLock.WaitAsync(ct);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next whole frame, or a close (with its code as an int: 4xxx codes are not enum members).</summary>
    public async Task<GatewayFrame> ReceiveAsync(CancellationToken ct)
    {
        _buffer.ResetWrittenCount();
        while (true)
        {
            var memory = _buffer.GetMemory(8192);
            var result = await socket.ReceiveAsync(memory, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                var code = (int?)socket.CloseStatus;
                await AnswerCloseAsync(code);
                return new GatewayFrame(null, code, socket.CloseStatusDescription);
            }

            _buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return new GatewayFrame(JsonDocument.Parse(_buffer.WrittenMemory), null, null);
            }
        }
    }

    /// <summary>Closes without ending the session (any code but 1000/1001 keeps it resumable); aborts if the close hangs.</summary>
    public async Task CloseAsync(int code, string reason, TimeSpan timeout)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            socket.Abort();
            return;
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cts.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    public void Abort() => socket.Abort();

    /// <summary>Completes the close handshake with the server's own code (best effort).</summary>
    private async Task AnswerCloseAsync(int? code)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync(code is >= 1000 and <= 4999 ? (WebSocketCloseStatus)code.Value : WebSocketCloseStatus.NormalClosure, null, cts.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    public void Dispose()
    {
        _sendLock.Dispose();
        socket.Dispose();
    }
}

/// <summary>A received frame: either a JSON document or a close.</summary>
internal sealed record GatewayFrame(JsonDocument? Document, int? CloseCode, string? CloseDescription)
{
    public bool IsClose => Document is null;
}
