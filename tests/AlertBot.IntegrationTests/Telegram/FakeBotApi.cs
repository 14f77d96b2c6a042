using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AlertBot.IntegrationTests.Telegram;

/// <summary>One Bot API call as the fake server saw it; an upload's fields are in <see cref="Body"/> and its files in <see cref="Files"/>.</summary>
internal sealed record RecordedCall(string Method, JsonObject Body, TimeSpan At)
{
    /// <summary>Each file part of a multipart call: its field name, file name and UTF-8 text.</summary>
    public IReadOnlyList<(string Field, string FileName, string Content)> Files { get; init; } = [];
}

/// <summary>
/// A scriptable Telegram Bot API on loopback Kestrel. Keeps every update until asked with a higher
/// offset (like the real server), long-polls getUpdates, records every call, and answers scripted
/// failures (429, 403, 409, migrate_to_chat_id) before falling back to sensible successes.
/// </summary>
internal sealed class FakeBotApi : IAsyncDisposable
{
    public const string BotUsername = "AlertTestBot";
    public const long BotId = 999;

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<(long Id, string Json)> _updates = [];
    private readonly Dictionary<string, Queue<(int Status, string Body)>> _scripted = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<RecordedCall> _calls = [];
    private readonly Dictionary<long, HashSet<long>> _admins = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextUpdateId = 1;
    private bool _revoked;
    private int _unauthorized;
    private long _nextMessageId = 1000;
    private readonly Dictionary<string, (string Path, string Content)> _files = [];
    private int _fileDownloads;

    private FakeBotApi(WebApplication app, string token)
    {
        _app = app;
        Token = token;
    }

    public string Token { get; }
    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeBotApi> StartAsync(string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotApi(app, token);
        app.MapPost("/bot{token}/{method}", fake.HandleAsync);
        app.MapGet("/file/bot{token}/{**path}", fake.ServeFile);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.First());
        return fake;
    }

    public IReadOnlyList<RecordedCall> Calls { get { lock (_lock) return _calls.ToList(); } }

    /// <summary>How many calls were answered 401 (wrong or revoked token).</summary>
    public int UnauthorizedCalls { get { lock (_lock) return _unauthorized; } }

    /// <summary>Called for every recorded call before it is answered (tests kill the bot here, mid-delivery).</summary>
    public Action<RecordedCall>? OnCall { get; set; }

    /// <summary>While true every call is answered 502 Bad Gateway, as when Telegram cannot be reached.</summary>
    public bool Down { get; set; }

    /// <summary>From now on every call is answered 401, as after /revoke in @BotFather.</summary>
    public void RevokeToken() { lock (_lock) _revoked = true; }

    public IReadOnlyList<RecordedCall> CallsTo(string method) => Calls.Where(c => c.Method == method).ToList();

    public void SetAdmins(long chatId, params long[] userIds) { lock (_lock) _admins[chatId] = [.. userIds]; }

    /// <summary>The next call of <paramref name="method"/> gets this answer instead of the default.</summary>
    public void Script(string method, int status, string body)
    {
        lock (_lock)
        {
            if (!_scripted.TryGetValue(method, out var queue)) _scripted[method] = queue = new();
            queue.Enqueue((status, body));
        }
    }

    public void ScriptError(string method, int code, string description, JsonObject? parameters = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (parameters is not null) body["parameters"] = parameters;
        Script(method, code, body.ToJsonString());
    }

    /// <summary>Queues an update whose payload is given raw (it may be malformed on purpose); returns its id.</summary>
    public long AddRawUpdate(string payloadJsonWithoutId)
    {
        lock (_lock)
        {
            var id = _nextUpdateId++;
            var json = "{\"update_id\":" + id + (payloadJsonWithoutId.Trim() == "{}" ? "}" : "," + payloadJsonWithoutId.Trim()[1..]);
            _updates.Add((id, json));
            Signal();
            return id;
        }
    }

    /// <summary>Queues a text message; a leading "/command" gets its bot_command entity, as Telegram would add it.</summary>
    public long AddMessage(long chatId, string chatType, long? fromId, string text, JsonObject? senderChat = null)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _nextMessageId),
            ["date"] = 1_700_000_000,
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatType, ["title"] = chatType == "private" ? null : "Test group" },
            ["text"] = text,
        };
        if (fromId is { } f) message["from"] = User(f);
        if (senderChat is not null) message["sender_chat"] = senderChat;
        if (text.StartsWith('/'))
        {
            var end = text.IndexOfAny([' ', '\n']);
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = end < 0 ? text.Length : end });
        }
        return AddRawUpdate(new JsonObject { ["message"] = message }.ToJsonString());
    }

    public long AddCallback(long chatId, string chatType, long fromId, string data) =>
        AddRawUpdate(new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = "cb" + Interlocked.Increment(ref _nextMessageId),
                ["from"] = User(fromId),
                ["chat_instance"] = "ci",
                ["data"] = data,
                ["message"] = new JsonObject { ["message_id"] = 1, ["date"] = 0, ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatType } },
            },
        }.ToJsonString());

    /// <summary>
    /// Queues a message carrying a document (stored for getFile and the file download) with <paramref name="caption"/>;
    /// a leading "/command" in the caption gets its bot_command caption entity.
    /// </summary>
    public long AddDocument(long chatId, string chatType, long fromId, string? caption, string fileName, string content)
    {
        var message = Message(chatId, chatType, fromId);
        message["document"] = Document(fileName, content);
        if (caption is not null)
        {
            message["caption"] = caption;
            if (caption.StartsWith('/')) message["caption_entities"] = CommandEntity(caption);
        }
        return AddRawUpdate(new JsonObject { ["message"] = message }.ToJsonString());
    }

    /// <summary>Queues a text command replying to an earlier message that carries a document.</summary>
    public long AddReplyToDocument(long chatId, string chatType, long fromId, string text, string fileName, string content)
    {
        var message = Message(chatId, chatType, fromId);
        message["text"] = text;
        message["entities"] = CommandEntity(text);
        var replied = Message(chatId, chatType, fromId + 1);
        replied["document"] = Document(fileName, content);
        message["reply_to_message"] = replied;
        return AddRawUpdate(new JsonObject { ["message"] = message }.ToJsonString());
    }

    /// <summary>How many files were downloaded from /file/bot&lt;token&gt;/….</summary>
    public int FileDownloads { get { lock (_lock) return _fileDownloads; } }

    private JsonObject Message(long chatId, string chatType, long fromId) => new()
    {
        ["message_id"] = Interlocked.Increment(ref _nextMessageId),
        ["date"] = 1_700_000_000,
        ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatType, ["title"] = chatType == "private" ? null : "Test group" },
        ["from"] = User(fromId),
    };

    private static JsonArray CommandEntity(string text)
    {
        var end = text.IndexOfAny([' ', '\n']);
        return new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = end < 0 ? text.Length : end });
    }

    /// <summary>A document object, its content stored for getFile and the download.</summary>
    private JsonObject Document(string fileName, string content)
    {
        var fileId = "doc" + Interlocked.Increment(ref _nextMessageId);
        lock (_lock) _files[fileId] = ($"documents/{fileId}/{fileName}", content);
        return new JsonObject
        {
            ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["file_name"] = fileName, ["mime_type"] = "text/x-opml",
            ["file_size"] = System.Text.Encoding.UTF8.GetByteCount(content),
        };
    }

    private IResult ServeFile(string token, string path)
    {
        lock (_lock)
        {
            if (token != Token) return Results.Unauthorized();
            _fileDownloads++;
            var found = _files.Values.FirstOrDefault(f => f.Path == path);
            return found.Path is null ? Results.NotFound() : Results.Text(found.Content, "application/octet-stream");
        }
    }

    private JsonObject FileInfo(JsonObject body)
    {
        lock (_lock)
        {
            var id = body["file_id"]!.GetValue<string>();
            var (path, content) = _files[id];
            return new JsonObject { ["file_id"] = id, ["file_unique_id"] = "u" + id, ["file_size"] = System.Text.Encoding.UTF8.GetByteCount(content), ["file_path"] = path };
        }
    }

    /// <summary>Waits until a recorded call matches, or fails the test after <paramref name="timeout"/>.</summary>
    public async Task<RecordedCall> WaitForCallAsync(string method, Func<RecordedCall, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = _clock.Elapsed + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                var found = _calls.FirstOrDefault(c => c.Method == method && (match?.Invoke(c) ?? true));
                if (found is not null) return found;
                changed = _changed.Task;
            }
            var left = deadline - _clock.Elapsed;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"No {method} call arrived; calls so far: {string.Join(", ", Calls.Select(c => c.Method))}");
            await Task.WhenAny(changed, Task.Delay(left));
        }
    }

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        JsonObject body;
        List<(string Field, string FileName, string Content)> files = [];
        if (context.Request.HasFormContentType)
        {
            // Uploads come as multipart: plain fields, nested objects as JSON strings, files as parts with a file name.
            var form = await context.Request.ReadFormAsync();
            body = [];
            foreach (var (key, value) in form)
            {
                var text = value.ToString();
                body[key] = long.TryParse(text, out var number) ? number : text.StartsWith('{') || text.StartsWith('[') ? JsonNode.Parse(text) : text;
            }
            foreach (var file in form.Files)
            {
                using var reader = new StreamReader(file.OpenReadStream());
                files.Add((file.Name, file.FileName, await reader.ReadToEndAsync()));
            }
        }
        else
        {
            try
            {
                body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body) ?? [];
            }
            catch (JsonException)
            {
                body = [];
            }
        }
        bool unauthorized;
        lock (_lock)
        {
            unauthorized = _revoked || token != Token;
            if (unauthorized) _unauthorized++;
        }
        if (Down)
        {
            await Reply(context, 502, """{"ok":false,"error_code":502,"description":"Bad Gateway"}""");
            return;
        }
        if (unauthorized)
        {
            await Reply(context, 401, """{"ok":false,"error_code":401,"description":"Unauthorized"}""");
            return;
        }

        (int Status, string Body)? scripted = null;
        var call = new RecordedCall(method, body, _clock.Elapsed) { Files = files };
        lock (_lock)
        {
            _calls.Add(call);
            if (_scripted.TryGetValue(method, out var queue) && queue.Count > 0) scripted = queue.Dequeue();
            Signal();
        }
        OnCall?.Invoke(call);
        if (scripted is { } s)
        {
            await Reply(context, s.Status, s.Body);
            return;
        }

        var result = method switch
        {
            "getMe" => User(BotId, BotUsername, isBot: true),
            "getUpdates" => await UpdatesAsync(body, context.RequestAborted),
            "sendMessage" => SentMessage(body),
            "sendDocument" => SentMessage(body),
            "getFile" => FileInfo(body),
            "editMessageText" => EditedMessage(body),
            "getChatAdministrators" => Administrators(body["chat_id"]!.GetValue<long>()),
            "getChatMember" => Member(body["chat_id"]!.GetValue<long>(), body["user_id"]!.GetValue<long>()),
            _ => JsonValue.Create(true),
        };
        await Reply(context, 200, new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString());
    }

    private async Task<JsonNode> UpdatesAsync(JsonObject body, CancellationToken aborted)
    {
        var offset = body["offset"]?.GetValue<long>() ?? 0;
        var timeout = TimeSpan.FromSeconds(body["timeout"]?.GetValue<int>() ?? 0);
        var deadline = _clock.Elapsed + timeout;
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                _updates.RemoveAll(u => u.Id < offset); // confirmed by this offset, as on the real server
                if (_updates.Count > 0) return JsonNode.Parse("[" + string.Join(",", _updates.Take(100).Select(u => u.Json)) + "]")!;
                changed = _changed.Task;
            }
            var left = deadline - _clock.Elapsed;
            if (left <= TimeSpan.Zero) return new JsonArray();
            try { await Task.WhenAny(changed, Task.Delay(left, aborted)); }
            catch (OperationCanceledException) { return new JsonArray(); }
            if (aborted.IsCancellationRequested) return new JsonArray();
        }
    }

    private JsonObject SentMessage(JsonObject body) => new()
    {
        ["message_id"] = Interlocked.Increment(ref _nextMessageId),
        ["date"] = 1_700_000_000,
        ["chat"] = new JsonObject { ["id"] = body["chat_id"]?.DeepClone(), ["type"] = "private" },
        ["text"] = body["text"]?.DeepClone(),
    };

    /// <summary>The message as edited: its id is the one the edit named.</summary>
    private static JsonObject EditedMessage(JsonObject body) => new()
    {
        ["message_id"] = body["message_id"]?.DeepClone(),
        ["date"] = 1_700_000_000,
        ["edit_date"] = 1_700_000_100,
        ["chat"] = new JsonObject { ["id"] = body["chat_id"]?.DeepClone(), ["type"] = "private" },
        ["text"] = body["text"]?.DeepClone(),
    };

    private JsonArray Administrators(long chatId)
    {
        lock (_lock)
        {
            var ids = _admins.GetValueOrDefault(chatId) ?? [];
            return new JsonArray(ids.Select(id => (JsonNode)new JsonObject { ["status"] = "administrator", ["user"] = User(id) }).ToArray());
        }
    }

    private JsonObject Member(long chatId, long userId)
    {
        lock (_lock)
        {
            var admin = _admins.GetValueOrDefault(chatId)?.Contains(userId) ?? false;
            return new JsonObject { ["status"] = admin ? "administrator" : "member", ["user"] = User(userId) };
        }
    }

    private static JsonObject User(long id, string? username = null, bool isBot = false) => new()
    {
        ["id"] = id,
        ["is_bot"] = isBot,
        ["first_name"] = "User" + id,
        ["username"] = username ?? "user" + id,
    };

    private void Signal()
    {
        var old = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        old.TrySetResult();
    }

    private static async Task Reply(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
