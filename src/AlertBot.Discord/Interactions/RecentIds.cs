namespace AlertBot.Discord.Interactions;

/// <summary>A bounded set of recently seen ids: events are at-least-once, and a resume may replay them.</summary>
internal sealed class RecentIds(int capacity)
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>True the first time an id is seen.</summary>
    public bool Add(string id)
    {
        lock (_lock)
        {
            if (!_set.Add(id))
            {
                return false;
            }

            _order.Enqueue(id);
            if (_order.Count > capacity)
            {
                _set.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
