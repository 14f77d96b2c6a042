using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AlertBot.IntegrationTests.Telegram;

/// <summary>One Bot API call as the fake server saw it.</summary>
internal sealed record RecordedCall(string Method, JsonObject Body, TimeSpan At);

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
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body) ?? [];
        }
        catch (JsonException)
        {
            body = [];
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
        var call = new RecordedCall(method, body, _clock.Elapsed);
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
