
namespace AlertBot.Core.Storage;

/// <summary>An outbox row to write for an article once it has an id.</summary>
/// <param name="Batch">Rows sharing a batch key go out as one digest message instead of one alert each.</param>
public sealed record PlannedAlert(ChatTarget Target, long SubscriptionId, string? Batch = null);
