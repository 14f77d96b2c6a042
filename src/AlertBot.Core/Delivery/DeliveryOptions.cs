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

    /// <summary>
    /// How long a claim on outbox rows lasts. A process that dies while holding rows leaves them to the others
    /// for this long; a lease is renewed right before each send, so it only has to outlast one send.
    /// </summary>
    public int ClaimLeaseSeconds { get; set; } = 60;

    /// <summary>Rows claimed per round; a round's rows are sent before the next round claims more.</summary>
    public int ClaimBatch { get; set; } = 100;

    /// <summary>Chats sent to at once. Each chat's rows still go out one after another, in order, at its platform's limits.</summary>
    public int Parallelism { get; set; } = 4;
}
