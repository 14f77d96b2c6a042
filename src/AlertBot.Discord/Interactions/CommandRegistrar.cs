using System.Security.Cryptography;
using System.Text;
using AlertBot.Core.Commands;
using AlertBot.Core.Storage;
using AlertBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace AlertBot.Discord.Interactions;

/// <summary>
/// Bulk-overwrites the application commands, globally or per configured guild. The definition's hash is kept in
/// <see cref="IPlatformStateStore"/> (when the host has one) so an unchanged catalog is not PUT again: new commands
/// count toward Discord's 200 creates per day per guild.
/// </summary>
internal sealed class CommandRegistrar(DiscordRestClient rest, DiscordOptions options, ILogger<CommandRegistrar> logger, IPlatformStateStore? state = null)
{
    public async Task<bool> RegisterAsync(string applicationId, CancellationToken ct)
    {
        var body = CommandDefinitions.Build(CommandCatalog.All);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body.ToJsonString())));
        var paths = options.CommandGuildIds.Count == 0
            ? [$"/applications/{applicationId}/commands"]
            : options.CommandGuildIds.Select(g => $"/applications/{applicationId}/guilds/{g}/commands").ToList();
        var allDone = true;
        foreach (var path in paths)
        {
            var key = "commands-hash:" + path;
            if (state is not null && await state.GetAsync(InteractionTranslator.Platform, key, ct) == hash)
            {
                logger.LogDebug("Discord commands at {Path} are up to date", path);
                continue;
            }

            var response = await rest.SendAsync(HttpMethod.Put, path, body.DeepClone(), ct);
            if (response.IsSuccess)
            {
                logger.LogInformation("Registered {Count} Discord commands at {Path}", body.Count, path);
                if (state is not null)
                {
                    await state.SetAsync(InteractionTranslator.Platform, key, hash, ct);
                }
            }
            else
            {
                allDone = false;
                logger.LogError("Registering Discord commands at {Path} failed: {Error}", path, response.Describe());
            }
        }

        return allDone;
    }
}
