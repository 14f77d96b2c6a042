using AlertBot.Discord.Gateway;
using AlertBot.Discord.Interactions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlertBot.Discord;

/// <summary>
/// The receiving half of Discord: runs the gateway, registers the commands once READY gives the application id,
/// and hands each interaction to the responder on its own task so a slow command never stalls the gateway.
/// </summary>
internal sealed class DiscordBotService : BackgroundService
{
    private readonly GatewayClient _gateway;
    private readonly InteractionResponder _responder;
    private readonly CommandRegistrar _registrar;
    private readonly DiscordOptions _options;
    private readonly ILogger _logger;
    private readonly DiscordReadiness _readiness;
    private int _registered;

    public DiscordBotService(
        Func<Func<GatewayDispatch, CancellationToken, Task>, GatewayClient> gatewayFactory,
        InteractionResponder responder,
        CommandRegistrar registrar,
        DiscordOptions options,
        ILogger<DiscordBotService> logger,
        DiscordReadiness readiness)
    {
        _readiness = readiness;
        _gateway = gatewayFactory(OnDispatchAsync);
        _responder = responder;
        _registrar = registrar;
        _options = options;
        _logger = logger;
    }

    internal GatewayClient Gateway => _gateway;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _gateway.RunAsync(stoppingToken);
        }
        catch (DiscordGatewayFatalException ex)
        {
            // A configuration problem (token, intents, shards): stop with the message that says what to fix.
            _logger.LogCritical("Discord stopped: {Reason}", ex.Message);
            _readiness.Stopped(ex.Message);
            Environment.ExitCode = 1;
            throw;
        }
    }

    private Task OnDispatchAsync(GatewayDispatch dispatch, CancellationToken ct)
    {
        if (dispatch.Type is "READY" or "RESUMED") _readiness.Connected();
        switch (dispatch.Type)
        {
            case "READY" when _options.RegisterCommands && Interlocked.Exchange(ref _registered, 1) == 0:
                var applicationId = _options.ApplicationId is { Length: > 0 } configured ? configured : _gateway.Session.ApplicationId;
                if (applicationId is null)
                {
                    _logger.LogError("No Discord application id (READY had none and Discord:ApplicationId is empty); commands not registered");
                    break;
                }

                _ = Background(() => _registrar.RegisterAsync(applicationId, ct), "command registration");
                break;
            case "INTERACTION_CREATE":
                _ = Background(() => _responder.HandleAsync(dispatch.Data, ct), "interaction");
                break;
        }

        return Task.CompletedTask;
    }

    private async Task Background(Func<Task> work, string what)
    {
        try
        {
            await Task.Run(work);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Discord {What} failed", what);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
