using AlertBot.Core.Figures;

namespace AlertBot.Core.Delivery;

/// <summary>Which figures an alert shows, and how each reads in it.</summary>
public static class KeyFigures
{
    /// <summary>
    /// The main subject's figures first, one per measure before any second of the same measure, attributed before
    /// unattributed, order-of-magnitude guesses last.
    /// </summary>
    public static IReadOnlyList<Figure> Select(IReadOnlyList<Figure> figures, int max = 4)
    {
        var main = figures.Where(f => f.Subject is not null).GroupBy(f => f.Subject).OrderByDescending(g => g.Count())
            .Select(g => g.Key).FirstOrDefault();
        var ranked = figures
            .Select((f, index) => (f, index))
            .OrderBy(x => x.f.Subject == main || main is null ? 0 : 1)
            .ThenBy(x => FigureFormat.IsMagnitude(x.f) ? 1 : 0)
            .ThenBy(x => x.f.ClaimedBy is null ? 1 : 0)
            .ThenBy(x => x.index)
            .Select(x => x.f).ToList();
        var firstPass = ranked.Where(f => f.Subject == main && !FigureFormat.IsMagnitude(f)).DistinctBy(f => f.Measure).ToList();
        return firstPass.Concat(ranked.Except(firstPass)).Take(max).ToList();
    }

    public static AlertFigure ToAlertFigure(Figure f) => new(f.Measure, FigureFormat.Value(f), f.ClaimedBy);
}
