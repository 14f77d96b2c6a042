using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace AlertBot.IntegrationTests.Discord;

/// <summary>
/// The server side of one gateway socket. A reader loop answers heartbeats (unless <see cref="AutoAck"/> is off)
/// and queues every frame the client sends, so tests can await "the next op 2" with a timeout.
/// </summary>
internal sealed class FakeGatewayConnection : IDisposable
{
    private readonly WebSocket _socket;
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _readLoop;
    private int _heartbeats;
    private int _ended;

    public FakeGatewayConnection(WebSocket socket, string path, string query)
    {
        _socket = socket;
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

    /// <summary>Why the read loop ended, for failure messages.</summary>
    public string? EndReason { get; private set; }

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
            // Under the send lock, like every other write: the close frame is on the wire before CloseOutputAsync
            // returns (it still has to flush), so the client can answer and the read loop end — which ends the
            // request — while we are inside it. EndAsync waits for the lock, so the response outlives this call.
            await _sendLock.WaitAsync();
            try
            {
                ThrowIfEnded();
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
            finally
            {
                _sendLock.Release();
            }

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
        // Aborting the server socket ends the request without a close frame: the client sees the TCP link end.
        _socket.Abort();

        _done.TrySetResult();
    }

    /// <summary>Called by the server when the request carrying this socket has ended; the socket is then off limits.</summary>
    public async Task EndAsync()
    {
        // Let a send (or close) in flight finish first: the client may react to a frame (and close) before our
        // send returns.
        await _sendLock.WaitAsync();
        Volatile.Write(ref _ended, 1);
        _sendLock.Release();
    }

    /// <summary>
    /// Teardown, before the server stops: drops a socket still open, so its request ends. Kestrel recycles a
    /// finished request's context, so leave those alone.
    /// </summary>
    public void DropIfOpen()
    {
        if (Volatile.Read(ref _ended) == 0)
        {
            try
            {
                Drop();
            }
            catch (Exception ex) when (ex is ObjectDisposedException or NullReferenceException)
            {
                // The request ended between the check and the abort.
            }
        }
    }

    /// <summary>After the server stopped: every request, and so every <see cref="EndAsync"/>, is over.</summary>
    public void Dispose() => _sendLock.Dispose();

    private async Task SendRawAsync(byte[] bytes, int fragments)
    {
        await _sendLock.WaitAsync();
        try
        {
            ThrowIfEnded();

            var size = (bytes.Length + fragments - 1) / fragments;
            for (var offset = 0; offset < bytes.Length; offset += size)
            {
                var count = Math.Min(size, bytes.Length - offset);
                try
                {
                    await _socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count >= bytes.Length, CancellationToken.None);
                }
                catch (WebSocketException ex)
                {
                    throw new InvalidOperationException($"Send on {Path} failed; read loop ended: {EndReason ?? "no"}", ex);
                }
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private void ThrowIfEnded()
    {
        if (Volatile.Read(ref _ended) == 1)
        {
            throw new InvalidOperationException($"Connection on {Path} already ended: {EndReason}");
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
                        EndReason = "client closed with " + ClientCloseCode;
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
            EndReason = ex.GetType().Name + ": " + ex.Message;
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }
}
