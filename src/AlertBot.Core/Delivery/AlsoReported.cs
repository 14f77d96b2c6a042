namespace AlertBot.Core.Delivery;

/// <summary>How an alert names the other outlets of its story.</summary>
public static class AlsoReported
{
    /// <summary>Outlets named before the rest are counted.</summary>
    public const int Named = 2;

    /// <summary>"Also reported by Reuters", "… by Reuters and BBC", "… by Reuters, BBC and AP", "… by Reuters, BBC and 3 more"; null for none.</summary>
    public static string? Line(IReadOnlyList<string> outlets)
    {
        if (outlets.Count == 0) return null;
        var text = outlets.Count switch
        {
            1 => outlets[0],
            2 => $"{outlets[0]} and {outlets[1]}",
            3 => $"{outlets[0]}, {outlets[1]} and {outlets[2]}",
            _ => $"{string.Join(", ", outlets.Take(Named))} and {outlets.Count - Named} more",
        };
        return "Also reported by " + text;
    }
}
