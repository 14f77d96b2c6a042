using System.Net.WebSockets;
using System.Text.Json;
using AlertBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace AlertBot.Discord.Gateway;

/// <summary>
/// Discord Gateway v10 state machine: connect, HELLO, heartbeat, IDENTIFY or RESUME, dispatch loop, and the
/// decision after every drop between resume, re-identify and stop (PROTOCOLS.md A2).
/// </summary>
internal sealed class GatewayClient
{
    /// <summary>GUILDS only: INTERACTION_CREATE needs no intent, GUILDS adds guild/channel removal. Nothing privileged.</summary>
    public const int Intents = 1 << 0;

    private const int MaxFailedResumeConnects = 3;

    private readonly DiscordRestClient _rest;
    private readonly DiscordOptions _options;
    private readonly GatewayTimings _timings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<GatewayDispatch, CancellationToken, Task> _onDispatch;
    private readonly IdentifyLimiter _identifyLimiter;
    private string? _gatewayUrl;
    private int _identifyCount;

    public GatewayClient(
        DiscordRestClient rest,
        DiscordOptions options,
        GatewayTimings timings,
        TimeProvider time,
        ILogger<GatewayClient> logger,
        Func<GatewayDispatch, CancellationToken, Task> onDispatch)
    {
        _rest = rest;
        _options = options;
        _timings = timings;
        _time = time;
        _logger = logger;
        _onDispatch = onDispatch;
        _identifyLimiter = new IdentifyLimiter(time, timings.IdentifyWindow);
    }

    public GatewaySession Session { get; } = new();

    public int IdentifyCount => Volatile.Read(ref _identifyCount);

    /// <summary>Runs until cancelled. Throws <see cref="DiscordGatewayFatalException"/> for a close that forbids reconnecting.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var failures = 0;
        var failedResumeConnects = 0;
        while (!ct.IsCancellationRequested)
        {
            var resume = Session.CanResume;
            Uri url;
            if (resume)
            {
                url = GatewayPayloads.WithQuery(Session.ResumeGatewayUrl!);
            }
            else
            {
                url = GatewayPayloads.WithQuery(await GetGatewayUrlAsync(ct));
                await WaitForIdentifySlotAsync(ct);
            }

            var end = await RunConnectionAsync(url, resume, ct);
            if (ct.IsCancellationRequested)
            {
                return;
            }

            if (end.Kind == ConnectionEndKind.Fatal)
            {
                _logger.LogCritical("Discord gateway stopped: {Reason}", end.Reason);
                throw new DiscordGatewayFatalException(end.Reason) { CloseCode = end.CloseCode };
            }

            // A resume URL that keeps refusing connections is given up after a few tries: identify afresh.
            failedResumeConnects = end.ConnectFailed && resume ? failedResumeConnects + 1 : 0;
            if (end.Kind == ConnectionEndKind.Reidentify || failedResumeConnects >= MaxFailedResumeConnects)
            {
                Session.Clear();
                failedResumeConnects = 0;
            }

            failures = end.WasHealthy ? 0 : failures;
            TimeSpan delay;
            if (end.Delay is { } explicitDelay)
            {
                delay = explicitDelay;
            }
            else if (end.Immediate)
            {
                delay = TimeSpan.Zero;
            }
            else
            {
                delay = Backoff(failures++);
            }

            _logger.LogInformation("Discord gateway {Reason}; {Next} in {Delay}", end.Reason,
                Session.CanResume ? "resuming" : "identifying", delay);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<ConnectionEnd> RunConnectionAsync(Uri url, bool resume, CancellationToken ct)
    {
        using var connectionCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var socket = new ClientWebSocket();
        using var connection = new GatewayConnection(socket);
        try
        {
            await socket.ConnectAsync(url, ct);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException && !ct.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Could not connect to the Discord gateway");
            if (!resume)
            {
                _gatewayUrl = null; // re-fetch GET /gateway/bot next time
            }

            return ConnectionEnd.Resume("connect failed", immediate: false) with { ConnectFailed = true };
        }

        var state = new ConnectionState();
        Task heartbeat = Task.CompletedTask;
        try
        {
            while (true)
            {
                var frame = await connection.ReceiveAsync(connectionCts.Token);
                if (frame.IsClose)
                {
                    var closed = GatewayCloseCodes.Classify(frame.CloseCode, frame.CloseDescription);
                    closed.WasHealthy = state.Healthy;
                    return closed;
                }

                using var document = frame.Document!;
                var root = document.RootElement;
                var op = root.GetProperty("op").GetInt32();
                switch (op)
                {
                    case 10:
                        var interval = TimeSpan.FromMilliseconds(root.GetProperty("d").GetProperty("heartbeat_interval").GetDouble());
                        heartbeat = HeartbeatLoopAsync(connection, interval, state, connectionCts);
                        if (!resume)
                        {
                            // Counted before sending: an identify that may have reached Discord must count.
                            _identifyLimiter.Identified();
                            Interlocked.Increment(ref _identifyCount);
                            _logger.LogInformation("Discord gateway identifying (shard {ShardId}/{ShardCount}, {Remaining} identifies left today)",
                                _options.ShardId, _options.ShardCount, _identifyLimiter.Remaining?.ToString() ?? "?");
                        }

                        await connection.SendAsync(resume ? GatewayPayloads.Resume(_options.Token, Session) : GatewayPayloads.Identify(_options), connectionCts.Token);

                        break;
                    case 11:
                        state.Acked = true;
                        break;
                    case 1:
                        await connection.SendAsync(GatewayPayloads.Heartbeat(Session.Sequence), connectionCts.Token);
                        break;
                    case 0:
                        await OnDispatchAsync(root, state, ct);
                        break;
                    case 7:
                        await connection.CloseAsync(4000, "reconnect requested", _timings.CloseTimeout);
                        return ConnectionEnd.Resume("asked to reconnect (op 7)", immediate: true) with { WasHealthy = state.Healthy };
                    case 9:
                        var resumable = root.TryGetProperty("d", out var d) && d.ValueKind == JsonValueKind.True;
                        await connection.CloseAsync(4000, "invalid session", _timings.CloseTimeout);
                        var wait = _timings.InvalidSessionDelay();
                        return resumable
                            ? ConnectionEnd.Resume("invalid session, resumable (op 9)", immediate: false, wait)
                            : ConnectionEnd.Reidentify("invalid session (op 9)", wait);
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && state.Zombie)
        {
            connection.Abort();
            return ConnectionEnd.Resume("zombie connection: no heartbeat ACK", immediate: true) with { WasHealthy = state.Healthy };
        }
        catch (Exception ex) when (ct.IsCancellationRequested && ex is OperationCanceledException or WebSocketException)
        {
            // Shutting down: 1000 ends the session so the bot shows offline at once.
            await connection.CloseAsync(1000, "shutting down", _timings.CloseTimeout);
            return ConnectionEnd.Resume("stopped", immediate: true);
        }
        catch (Exception ex) when (ex is WebSocketException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            _logger.LogWarning(ex, "Discord gateway connection dropped");
            connection.Abort();
            return ConnectionEnd.Resume("connection dropped", immediate: false) with { WasHealthy = state.Healthy };
        }
        finally
        {
            await connectionCts.CancelAsync();
            await heartbeat;
        }
    }

    private async Task OnDispatchAsync(JsonElement root, ConnectionState state, CancellationToken ct)
    {
        long? sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null;
        Session.Observe(sequence);
        var type = root.TryGetProperty("t", out var t) ? t.GetString() ?? "" : "";
        var data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
        if (type == "READY")
        {
            Session.Ready(
                data.GetProperty("session_id").GetString()!,
                data.GetProperty("resume_gateway_url").GetString()!,
                data.TryGetProperty("application", out var app) ? app.GetProperty("id").GetString() : null,
                data.TryGetProperty("user", out var user) ? user.GetProperty("id").GetString() : null);
            state.Healthy = true;
            _logger.LogInformation("Discord gateway ready (shard {ShardId}/{ShardCount})", _options.ShardId, _options.ShardCount);
        }
        else if (type == "RESUMED")
        {
            state.Healthy = true;
            _logger.LogInformation("Discord gateway session resumed at sequence {Sequence}", Session.Sequence);
        }

        try
        {
            await _onDispatch(new GatewayDispatch(type, data, sequence), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One bad event must not take the connection down.
            _logger.LogError(ex, "Handling Discord event {Type} failed", type);
        }
    }

    private async Task HeartbeatLoopAsync(GatewayConnection connection, TimeSpan interval, ConnectionState state, CancellationTokenSource connectionCts)
    {
        var token = connectionCts.Token;
        try
        {
            await Task.Delay(interval * _timings.FirstHeartbeatJitter(), _time, token);
            while (!token.IsCancellationRequested)
            {
                if (!state.Acked)
                {
                    _logger.LogWarning("Discord gateway heartbeat was not acknowledged; reconnecting to resume");
                    state.Zombie = true;
                    await connectionCts.CancelAsync();
                    return;
                }

                state.Acked = false;
                await connection.SendAsync(GatewayPayloads.Heartbeat(Session.Sequence), token);
                await Task.Delay(interval, _time, token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection ended; the receive loop decides what happens next.
        }
    }

    private async Task<string> GetGatewayUrlAsync(CancellationToken ct)
    {
        var response = await _rest.GetAsync("/gateway/bot", ct);
        if (response.Status == 401)
        {
            throw new DiscordGatewayFatalException("Discord rejected the bot token (GET /gateway/bot returned 401). " +
                "Set ALERTBOT__DISCORD__TOKEN to the token from the Bot tab of the Developer Portal.");
        }

        if (response.IsSuccess)
        {
            using var doc = response.Json();
            var root = doc.RootElement;
            _gatewayUrl = root.GetProperty("url").GetString();
            if (root.TryGetProperty("session_start_limit", out var limit))
            {
                _identifyLimiter.Update(
                    limit.GetProperty("remaining").GetInt32(),
                    TimeSpan.FromMilliseconds(limit.GetProperty("reset_after").GetDouble()),
                    limit.TryGetProperty("max_concurrency", out var mc) ? mc.GetInt32() : 1);
            }
        }
        else
        {
            _logger.LogWarning("GET /gateway/bot failed: {Error}", response.Describe());
        }

        return _options.GatewayUrl is { Length: > 0 } overridden ? overridden
            : _gatewayUrl ?? "wss://gateway.discord.gg";
    }

    private async Task WaitForIdentifySlotAsync(CancellationToken ct)
    {
        var wait = _identifyLimiter.Delay();
        if (wait > TimeSpan.Zero)
        {
            if (_identifyLimiter.Remaining is <= 0)
            {
                _logger.LogError("Discord identify limit used up for today; waiting {Wait} before connecting", wait);
            }

            await Task.Delay(wait, _time, ct);
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var ms = _timings.ReconnectBackoffBase.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 10));
        var capped = Math.Min(ms, _timings.ReconnectBackoffMax.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.75 + Random.Shared.NextDouble() / 4));
    }

    private sealed class ConnectionState
    {
        private volatile bool _acked = true;
        private volatile bool _zombie;
        private volatile bool _healthy;

        public bool Acked { get => _acked; set => _acked = value; }
        public bool Zombie { get => _zombie; set => _zombie = value; }
        public bool Healthy { get => _healthy; set => _healthy = value; }
    }
}
