using Tessera.Core.Picture;

namespace Tessera.Core.Reporting;

/// <summary>One figure before suppression: a value for the period and the previous period, for one organisation or (null) EU-wide.</summary>
/// <param name="IsCount">Counts are suppressed from 1 to threshold − 1 with their complementary cells; other figures (rates,
/// medians) come null already when too few records stand behind them.</param>
public sealed record Figure(string Key, string? Organisation, double? Value, double? Previous, bool IsCount);

/// <summary>An indicator as reported: <see cref="Value"/> and <see cref="Previous"/> are null where suppressed or not available.</summary>
public sealed record IndicatorValue(string Key, string? Organisation, double? Value, double? Previous)
{
    /// <summary>The change on the previous period in percent, when both are known and the previous one is not zero.</summary>
    public double? ChangePercent => Value is { } v && Previous is { } p && p != 0 ? Math.Round(100 * (v - p) / p, 1) : null;
}

/// <summary>Small-count suppression of the report's indicators, through the same rule as the situational picture
/// (<see cref="SmallCounts"/>): for every count key the organisations' values are parts of the EU-wide total shown beside
/// them, so complementary cells are hidden too.</summary>
public static class Suppression
{
    /// <summary>The default threshold: counts from 1 to 4 are not shown (as the situational picture,
    /// <see cref="PictureAnalysis.SmallCountThreshold"/>).</summary>
    public const int DefaultThreshold = PictureAnalysis.SmallCountThreshold;

    /// <summary>The figures with small counts hidden.</summary>
    public static IReadOnlyList<IndicatorValue> Apply(IReadOnlyList<Figure> figures, int threshold = DefaultThreshold)
    {
        var values = figures.Select(f => f.Value).ToArray();
        var previous = figures.Select(f => f.Previous).ToArray();
        foreach (var group in figures.Select((f, i) => (f, i)).Where(x => x.f.IsCount).GroupBy(x => x.f.Key))
        {
            Hide(group.ToList(), values, threshold);
            Hide(group.ToList(), previous, threshold);
        }

        return figures.Select((f, i) => new IndicatorValue(f.Key, f.Organisation, values[i], previous[i])).ToList();
    }

    // The EU-wide cell alone, the organisations' cells as parts of it.
    private static void Hide(List<(Figure f, int i)> group, double?[] cells, int threshold)
    {
        var total = group.Where(x => x.f.Organisation is null).Select(x => x.i).ToList();
        var parts = group.Where(x => x.f.Organisation is not null).Select(x => x.i).ToList();
        foreach (var i in total)
        {
            cells[i] = Hide(cells[i], threshold);
        }

        var hidden = SmallCounts.Hidden(parts.Select(i => cells[i] is { } v ? (long?)(long)v : null).ToList(), threshold, additive: total.Count > 0);
        for (var k = 0; k < parts.Count; k++)
        {
            if (hidden[k])
            {
                cells[parts[k]] = null;
            }
        }
    }

    /// <summary>One count on its own: null from 1 to <paramref name="threshold"/> − 1.</summary>
    public static double? Hide(double? count, int threshold = DefaultThreshold) =>
        count is { } c && SmallCounts.Hide((long)Math.Ceiling(c), threshold) is null ? null : count;
}
