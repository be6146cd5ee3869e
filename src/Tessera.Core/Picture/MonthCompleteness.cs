using System.Globalization;

namespace Tessera.Core.Picture;

/// <summary>Which months of a monthly source are complete: the latest complete month and the months after it that the data
/// holds only in part.</summary>
/// <param name="LatestComplete">The last month whose figures are complete; null when no month is.</param>
/// <param name="Incomplete">The months after it up to the last month the data mentions, in order.</param>
public sealed record MonthCompleteness(YearMonth? LatestComplete, IReadOnlyList<YearMonth> Incomplete)
{
    /// <summary>Days after a month's end by which the authorities have reported it: Frontex's FRAN figures of a month are
    /// due by the 15th of the next (a vintage of 3 June holds May only in part).</summary>
    public const int ReportingDays = 15;

    /// <summary>True when <paramref name="month"/> is held only in part: it must be neither drawn as a count nor compared.</summary>
    public bool IsIncomplete(YearMonth month) => LatestComplete is not { } last || month > last;

    /// <summary>The completeness of <paramref name="detections"/> as of the source's <paramref name="vintage"/> (its "data as
    /// of" date, ISO 8601; null or unreadable when unknown).</summary>
    /// <remarks>A month is incomplete when it is not yet <see cref="ReportingDays"/> days past its end at the vintage date, or
    /// when it comes after the last month with any detection (a month the source lists with zeros only has not been
    /// reported: a route never drops to zero everywhere).</remarks>
    public static MonthCompleteness Of(IEnumerable<DetectionCount> detections, string? vintage)
    {
        YearMonth? lastMentioned = null, lastCounted = null;
        foreach (var d in detections)
        {
            lastMentioned = lastMentioned is { } m && m >= d.Month ? m : d.Month;
            if (d.Count > 0)
            {
                lastCounted = lastCounted is { } c && c >= d.Month ? c : d.Month;
            }
        }

        if (lastMentioned is not { } end)
        {
            return new MonthCompleteness(null, []);
        }

        var complete = lastCounted;
        if (complete is { } candidate && VintageDay(vintage) is { } asOf)
        {
            while (LastDay(candidate).AddDays(ReportingDays) > asOf)
            {
                candidate = candidate.AddMonths(-1);
            }

            complete = candidate;
        }

        var incomplete = complete is { } last && last >= end ? [] : YearMonth.Range(complete?.AddMonths(1) ?? end, end).ToList();
        return new MonthCompleteness(complete, incomplete);
    }

    private static DateOnly LastDay(YearMonth month) => new(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month));

    private static DateOnly? VintageDay(string? vintage) =>
        vintage is { Length: >= 10 } && DateOnly.TryParseExact(vintage[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
}
