namespace AlertBot.Core.Delivery;

/// <summary>Configuration section "Delivery".</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>How often the outbox is checked for due rows when nothing wakes it.</summary>
    public int PollSeconds { get; set; } = 2;

    /// <summary>Transient failures before a row is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>
    /// More alerts than this for one chat from one check (a feed catching up after downtime, a backlog dump)
    /// become one digest message listing them, instead of a flood.
    /// </summary>
    public int BurstCap { get; set; } = 5;
}
