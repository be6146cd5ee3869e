namespace Tessera.Core.Picture;

/// <summary>A period and a filter over detections; null filters take everything.</summary>
/// <param name="Route">A route name; "Central Mediterranean" matches "Central Mediterranean Route".</param>
public sealed record PictureQuery(
    YearMonth From,
    YearMonth To,
    string? Route = null,
    string? Nationality = null,
    string? BorderType = null,
    string? BorderSection = null,
    string Source = PictureSources.Frontex,
    int TopNationalities = 10)
{
    /// <summary>Whether <paramref name="d"/> passes the filter (the period is not checked).</summary>
    public bool Matches(DetectionCount d) =>
        d.Source == Source
        && (Route is null || RouteMatches(d.Route, Route))
        && (Nationality is null || d.Nationality.Equals(Nationality, StringComparison.OrdinalIgnoreCase)
            || string.Equals(d.NationalityIso3, Nationality, StringComparison.OrdinalIgnoreCase))
        && (BorderType is null || d.BorderType.Equals(BorderType, StringComparison.OrdinalIgnoreCase))
        && (BorderSection is null || d.BorderSection.Equals(BorderSection, StringComparison.OrdinalIgnoreCase));

    /// <summary>Route names match ignoring case and a trailing " Route".</summary>
    public static bool RouteMatches(string route, string wanted) =>
        Trim(route).Equals(Trim(wanted), StringComparison.OrdinalIgnoreCase);

    private static string Trim(string route)
    {
        var t = route.Trim();
        return t.EndsWith(" route", StringComparison.OrdinalIgnoreCase) ? t[..^6] : t;
    }
}

/// <summary>Totals for a period against the same period of the previous year, with route shares, top nationalities and months.</summary>
/// <remarks>Counts are null where small-count suppression hid them (<see cref="Suppressed"/>); a change or share is null when
/// either of its counts is hidden or the base is zero. <c>Change</c> is a fraction: 0.203 means +20.3 %.
/// <c>Vintage</c> is the "data as of" date of the source's current import.</remarks>
public sealed record PictureSummary(
    YearMonth From,
    YearMonth To,
    string Source,
    string? Route,
    long? Total,
    long? PreviousTotal,
    double? Change,
    IReadOnlyList<RouteFigure> Routes,
    IReadOnlyList<NationalityFigure> TopNationalities,
    IReadOnlyList<MonthFigure> Months,
    bool Suppressed,
    string? Vintage = null)
{
    /// <summary>The credit line the source asks for, e.g. "Source: Frontex (FRAN data as of 2025-06-03)".</summary>
    public string Credit => Source switch
    {
        PictureSources.Frontex => $"Source: Frontex (FRAN data as of {Vintage ?? "unknown date"})",
        PictureSources.ItalyDaily => $"Source: Ministero dell'Interno, cruscotto statistico giornaliero, via Liberiamoli tutti! (CC BY 4.0), report of {Vintage ?? "unknown date"}",
        _ => $"Source: {Source}{(Vintage is null ? "" : ", as of " + Vintage)}",
    };
}

/// <summary>One route's total, change against the previous year and share of the period's total.</summary>
public sealed record RouteFigure(string Route, long? Total, long? PreviousTotal, double? Change, double? Share);

/// <summary>One nationality's total, change and share of the period's total.</summary>
public sealed record NationalityFigure(string Nationality, string? Iso3, long? Total, long? PreviousTotal, double? Change, double? Share);

/// <summary>One month's count and the count of the same month a year earlier.</summary>
public sealed record MonthFigure(YearMonth Month, long? Count, long? PreviousYear);
