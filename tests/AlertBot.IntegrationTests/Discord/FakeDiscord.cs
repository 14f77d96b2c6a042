using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AlertBot.IntegrationTests.Discord;

/// <summary>
/// One REST request as the fake saw it. A multipart body is recorded as its <c>payload_json</c> part, with each file
/// part in <see cref="Files"/>.
/// </summary>
internal sealed record RecordedRequest(string Method, string Path, string Body, IReadOnlyDictionary<string, string> Headers, TimeSpan At)
{
    public string Header(string name) => Headers.TryGetValue(name, out var v) ? v : "";

    public IReadOnlyList<UploadedFile> Files { get; init; } = [];
}

/// <summary>A file part of a multipart request: its part name (files[0]), file name, content type and UTF-8 text.</summary>
internal sealed record UploadedFile(string PartName, string FileName, string ContentType, string Content);

/// <summary>A message the fake created (what people in the channel see), with the nonce it was created with.</summary>
internal sealed record CreatedMessage(string Id, string ChannelId, string? Nonce, string Body);

/// <summary>A scripted answer; null from a responder means "not mine, ask the next one".</summary>
internal sealed record FakeResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// A loopback Discord: REST under /api/v10 (recorded, scripted by responders, sensible defaults) and a real
/// WebSocket gateway at /gateway and /resume whose connections the test drives frame by frame.
/// </summary>
internal sealed class FakeDiscord : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<FakeGatewayConnection> _connections = Channel.CreateUnbounded<FakeGatewayConnection>();
    private readonly List<RecordedRequest> _requests = [];
    private readonly ConcurrentBag<FakeGatewayConnection> _all = [];
    private readonly ConcurrentQueue<Func<RecordedRequest, FakeResponse?>> _responders = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<CreatedMessage> _messages = [];
    private readonly Dictionary<(string Channel, string Nonce), (CreatedMessage Message, TimeSpan At)> _nonces = [];
    private int _messageIds = 1000;
    private readonly Dictionary<string, string> _cdn = [];
    private int _cdnDownloads;

    /// <summary>How long Discord remembers a nonce sent with enforce_nonce ("a few minutes").</summary>
    public static readonly TimeSpan NonceWindow = TimeSpan.FromMinutes(5);

    private FakeDiscord(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public string ApiBase => BaseUrl + "/api/v10";
    public string GatewayUrl => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/gateway";
    public string ResumeUrl => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/resume";

    public static async Task<FakeDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeDiscord(app);
        app.UseWebSockets();
        app.Map("/gateway", fake.AcceptGatewayAsync);
        app.Map("/resume", fake.AcceptGatewayAsync);
        app.Map("/api/v10/{**rest}", fake.HandleRestAsync);
        app.MapGet("/cdn/attachments/{id}/{name}", fake.ServeAttachment);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First().TrimEnd('/');
        return fake;
    }

    /// <summary>Responders are asked in the order they were added; the first non-null answer wins.</summary>
    public void Respond(Func<RecordedRequest, FakeResponse?> responder) => _responders.Enqueue(responder);

    /// <summary>Answers the first <paramref name="times"/> requests that match, then steps aside.</summary>
    public void RespondTimes(int times, Func<RecordedRequest, bool> match, FakeResponse response)
    {
        var left = times;
        Respond(r => match(r) && Interlocked.Decrement(ref left) >= 0 ? response : null);
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Messages created by POST /channels/{id}/messages, without the re-sends Discord deduplicated by nonce.</summary>
    public IReadOnlyList<CreatedMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>
    /// Each gateway connection is greeted (HELLO), and READY follows its IDENTIFY, without the test driving frames:
    /// for a bot run as a child process, whose gateway only has to come up.
    /// </summary>
    public bool AutoGateway { get; set; }

    /// <summary>Called for every message-create request before it is answered (tests kill the bot here, mid-delivery).</summary>
    public Action<RecordedRequest>? OnMessagePost { get; set; }

    public async Task<FakeGatewayConnection> NextConnectionAsync(TimeSpan? timeout = null) =>
        await _connections.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? TestTimeouts.Signal);

    /// <summary>Waits for the <paramref name="nth"/> (1-based) request that matches.</summary>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, int nth = 1, TimeSpan? timeout = null)
    {
        var deadline = _clock.Elapsed + (timeout ?? TestTimeouts.Signal);
        while (true)
        {
            Task changed;
            lock (_requests)
            {
                var found = _requests.Where(match).Skip(nth - 1).FirstOrDefault();
                if (found is not null)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            var left = deadline - _clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No matching request; saw: {string.Join(", ", Requests.Select(r => r.Method + " " + r.Path))}");
            }

            await Task.WhenAny(changed, Task.Delay(left));
        }
    }

    private async Task AcceptGatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeGatewayConnection(socket, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "");
        _all.Add(connection);
        if (AutoGateway)
        {
            _ = GreetAsync(connection);
        }

        await _connections.Writer.WriteAsync(connection);
        try
        {
            await connection.Completion;
        }
        finally
        {
            await connection.EndAsync();
        }
    }

    private async Task GreetAsync(FakeGatewayConnection connection)
    {
        try
        {
            await connection.HelloAsync(45_000);
            await connection.ReceiveOpAsync(2, TimeSpan.FromMinutes(1));
            await connection.ReadyAsync(1, "session-" + Guid.NewGuid().ToString("N"), ResumeUrl);
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Net.WebSockets.WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The bot went away (killed by the test) before the handshake finished.
        }
    }

    /// <summary>Puts a file on the fake CDN, as Discord stores a user's upload; returns the attachment object an interaction resolves.</summary>
    public object AddAttachment(string id, string fileName, string content)
    {
        lock (_cdn) _cdn[id] = content;
        return new { id, filename = fileName, size = Encoding.UTF8.GetByteCount(content), url = $"{BaseUrl}/cdn/attachments/{id}/{fileName}?ex=1", content_type = "text/x-opml" };
    }

    /// <summary>How many times the CDN served a file.</summary>
    public int CdnDownloads => Volatile.Read(ref _cdnDownloads);

    private IResult ServeAttachment(string id, string name)
    {
        Interlocked.Increment(ref _cdnDownloads);
        lock (_cdn) return _cdn.TryGetValue(id, out var content) ? Results.Text(content, "text/x-opml") : Results.NotFound();
    }

    private async Task HandleRestAsync(HttpContext context)
    {
        var (body, files) = await ReadBodyAsync(context.Request);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var path = context.Request.Path.Value!["/api/v10".Length..];
        var request = new RecordedRequest(context.Request.Method, path, body, headers, _clock.Elapsed) { Files = files };
        lock (_requests)
        {
            _requests.Add(request);
            var previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.SetResult();
        }

        var response = _responders.Select(r => r(request)).FirstOrDefault(r => r is not null) ?? Default(request);
        if (IsMessageCreate(request)) OnMessagePost?.Invoke(request);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body);
        }
    }

    /// <summary>JSON as sent; multipart as its payload_json part and its files.</summary>
    private static async Task<(string Body, IReadOnlyList<UploadedFile> Files)> ReadBodyAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            return (await reader.ReadToEndAsync(), []);
        }

        var form = await request.ReadFormAsync();
        var files = new List<UploadedFile>();
        foreach (var file in form.Files)
        {
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            files.Add(new UploadedFile(file.Name, file.FileName, file.ContentType, await reader.ReadToEndAsync()));
        }

        return (form["payload_json"].ToString(), files);
    }

    private FakeResponse Default(RecordedRequest request)
    {
        if (request.Method == "GET" && request.Path == "/gateway/bot")
        {
            return new FakeResponse(200, JsonSerializer.Serialize(new
            {
                url = GatewayUrl,
                shards = 1,
                session_start_limit = new { total = 1000, remaining = 999, reset_after = 14_400_000, max_concurrency = 1 },
            }));
        }

        if (request.Path.EndsWith("/callback", StringComparison.Ordinal))
        {
            return new FakeResponse(204);
        }

        if (request.Method == "PUT" && request.Path.EndsWith("/commands", StringComparison.Ordinal))
        {
            return new FakeResponse(200, "[]");
        }

        if (IsMessageCreate(request))
        {
            return new FakeResponse(200, CreateMessage(request));
        }

        var id = Interlocked.Increment(ref _messageIds);
        return new FakeResponse(200, $$"""{"id":"{{id}}"}""");
    }

    private static bool IsMessageCreate(RecordedRequest request) =>
        request.Method == "POST" && request.Path.StartsWith("/channels/", StringComparison.Ordinal) && request.Path.EndsWith("/messages", StringComparison.Ordinal);

    /// <summary>
    /// As Discord does: with enforce_nonce, a nonce this channel saw within the window returns the message it created
    /// then, and no new message appears.
    /// </summary>
    private string CreateMessage(RecordedRequest request)
    {
        var channel = request.Path.Split('/')[2];
        using var doc = JsonDocument.Parse(request.Body);
        var root = doc.RootElement;
        var nonce = root.TryGetProperty("nonce", out var n) ? n.ToString() : null;
        var enforce = root.TryGetProperty("enforce_nonce", out var e) && e.ValueKind == JsonValueKind.True;
        lock (_messages)
        {
            if (enforce && nonce is not null && _nonces.TryGetValue((channel, nonce), out var seen) && _clock.Elapsed - seen.At < NonceWindow)
            {
                return MessageJson(seen.Message);
            }

            var message = new CreatedMessage(Interlocked.Increment(ref _messageIds).ToString(System.Globalization.CultureInfo.InvariantCulture), channel, nonce, request.Body);
            _messages.Add(message);
            if (enforce && nonce is not null)
            {
                _nonces[(channel, nonce)] = (message, _clock.Elapsed);
            }

            return MessageJson(message);
        }
    }

    private static string MessageJson(CreatedMessage message) =>
        JsonSerializer.Serialize(new { id = message.Id, channel_id = message.ChannelId, nonce = message.Nonce });

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _all)
        {
            connection.DropIfOpen();
        }

        // Stopping waits for the gateway requests, whose last step (EndAsync) still takes each connection's lock.
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var connection in _all)
        {
            connection.Dispose();
        }
    }
}
