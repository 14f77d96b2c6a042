using System.Collections.Concurrent;
using AlertBot.Core.Commands;
using AlertBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace AlertBot.IntegrationTests.Telegram;

/// <summary>Records every command and answers with text that needs escaping. Can hold one command until cancelled.</summary>
internal sealed class RecordingCommandHandler : ICommandHandler
{
    private readonly ConcurrentQueue<CommandRequest> _requests = new();

    public IReadOnlyList<CommandRequest> Requests => _requests.ToList();

    /// <summary>A command with these arguments never finishes: it waits for cancellation (a shutdown mid-command).</summary>
    public string? HangOnArguments { get; set; }

    /// <summary>The reply to give instead of the echo, when set.</summary>
    public Func<CommandRequest, CommandReply>? Reply { get; set; }

    public async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        if (request.Arguments.ToString() == HangOnArguments) await Task.Delay(Timeout.Infinite, cancellationToken);
        return Reply?.Invoke(request) ?? new CommandReply($"{request.Name} <{request.Arguments}> & done, thanks @someone");
    }

    public Task<IReadOnlyList<string>> SuggestAsync(string command, string argument, string partial, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}

internal sealed class InMemoryStateStore : IPlatformStateStore
{
    private readonly ConcurrentDictionary<(string, string), string?> _values = new();

    public Task<string?> GetAsync(string platform, string key, CancellationToken cancellationToken) =>
        Task.FromResult(_values.GetValueOrDefault((platform, key)));

    public Task SetAsync(string platform, string key, string? value, CancellationToken cancellationToken)
    {
        _values[(platform, key)] = value;
        return Task.CompletedTask;
    }
}

/// <summary>Keeps every log line, with its exception, so tests can assert on them (and on what must never be in them).</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Text)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Text)> Lines => _lines.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
    }
}
