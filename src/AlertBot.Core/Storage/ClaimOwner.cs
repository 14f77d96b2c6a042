using System.Globalization;

namespace AlertBot.Core.Storage;

/// <summary>
/// Who holds a claim on an outbox row or a source check: one value per process, never shared, so two
/// processes on one database (a cron <c>once</c> during <c>run</c>, two instances) never hold the same claim.
/// A restarted process is a new owner; what its predecessor held is taken over when the lease expires.
/// </summary>
public sealed class ClaimOwner(string id)
{
    public string Id { get; } = id;

    public static ClaimOwner ForThisProcess() =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}"));

    public override string ToString() => Id;
}
