using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace AlertBot.IntegrationTests.Discord;

/// <summary>
/// The server side of one gateway socket. A reader loop answers heartbeats (unless <see cref="AutoAck"/> is off)
/// and queues every frame the client sends, so tests can await "the next op 2" with a timeout.
/// </summary>
internal sealed class FakeGatewayConnection : IDisposable
{
    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _readLoop;
    private int _heartbeats;

    public FakeGatewayConnection(WebSocket socket, HttpContext context, string path, string query)
    {
        _socket = socket;
        _context = context;
        Path = path;
        Query = query;
        _readLoop = Task.Run(ReadLoopAsync);
    }

    public string Path { get; }
    public string Query { get; }
    public volatile bool AutoAck = true;
    public int Heartbeats => Volatile.Read(ref _heartbeats);

    /// <summary>The close code the client sent, when it closed with a frame.</summary>
    public int? ClientCloseCode { get; private set; }

    /// <summary>Ends when the test closes or drops the socket, or the client goes away.</summary>
    public Task Completion => Task.WhenAny(_done.Task, _readLoop);

    public Task HelloAsync(int heartbeatIntervalMs) => SendAsync(new { op = 10, d = new { heartbeat_interval = heartbeatIntervalMs } });

    public Task DispatchAsync(string type, long sequence, object data) => SendAsync(new { op = 0, t = type, s = sequence, d = data });

    public Task ReadyAsync(long sequence, string sessionId, string resumeUrl, string applicationId = "900") =>
        DispatchAsync("READY", sequence, new
        {
            v = 10,
            user = new { id = "800", username = "alertbot", bot = true },
            guilds = Array.Empty<object>(),
            session_id = sessionId,
            resume_gateway_url = resumeUrl,
            application = new { id = applicationId, flags = 0 },
        });

    public async Task SendAsync(object payload) => await SendRawAsync(JsonSerializer.SerializeToUtf8Bytes(payload), fragments: 1);

    /// <summary>Sends one message split over several WebSocket frames, as Discord does with big events.</summary>
    public async Task SendFragmentedAsync(object payload, int fragments) => await SendRawAsync(JsonSerializer.SerializeToUtf8Bytes(payload), fragments);

    /// <summary>Waits for the next frame with this opcode, skipping others (heartbeats).</summary>
    public async Task<JsonElement> ReceiveOpAsync(int op, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TestTimeouts.Signal);
        while (true)
        {
            var frame = await _received.Reader.ReadAsync(cts.Token);
            if (frame.GetProperty("op").GetInt32() == op)
            {
                return frame;
            }
        }
    }

    public async Task CloseAsync(int code, string reason)
    {
        try
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            // Keep the TCP connection until the client has read the close frame and answered it; ending the
            // request at once could reset the connection and lose the frame.
            await _readLoop.WaitAsync(TestTimeouts.Signal);
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    /// <summary>Drops the TCP connection without a close frame (the client sees 1006).</summary>
    public void Drop()
    {
        try
        {
            _context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request already ended.
        }

        _done.TrySetResult();
    }

    public void Dispose()
    {
        Drop();
        _sendLock.Dispose();
    }

    private async Task SendRawAsync(byte[] bytes, int fragments)
    {
        await _sendLock.WaitAsync();
        try
        {
            var size = (bytes.Length + fragments - 1) / fragments;
            for (var offset = 0; offset < bytes.Length; offset += size)
            {
                var count = Math.Min(size, bytes.Length - offset);
                await _socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count >= bytes.Length, CancellationToken.None);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        ClientCloseCode = (int?)_socket.CloseStatus;
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                var frame = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                if (frame.GetProperty("op").GetInt32() == 1)
                {
                    Interlocked.Increment(ref _heartbeats);
                    if (AutoAck)
                    {
                        await SendAsync(new { op = 11 });
                    }
                }

                await _received.Writer.WriteAsync(frame);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The client went away.
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }
}
