using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tessera.Core.Access;
using Tessera.Core.Model;
using Tessera.Core.Picture;
using Tessera.Storage;
using Tessera.Web.Auth;

namespace Tessera.Web.Picture;

/// <summary>The situational picture under <c>/api/v1/picture</c>: statistics, early warning, prices, maps and charts, every one through the access policy.</summary>
/// <remarks>Statistics need <see cref="AccessAction.ReadAggregates"/>; aggregate-only users (policy officers) get counts below
/// <see cref="PictureAnalysis.SmallCountThreshold"/> hidden, as the Core analysis does. Border sections are in <c>PictureEndpoints.Sections.cs</c>.</remarks>
internal static partial class PictureEndpoints
{
    public const string GeoJsonType = "application/geo+json";

    public const string SvgType = "image/svg+xml";

    // More months than this in one early-warning request would rescan the whole history for each month.
    private const int MaxAlertMonths = 60;

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/api/v1/picture").RequireAuthorization().WithTags("Picture");

        group.MapGet("/summary", async (string? from, string? to, string? route, string? nationality, string? source, HttpContext http, Store store) =>
        {
            if (Refused(http) is { } refused)
            {
                return refused;
            }

            if (Period(from, to, out var first, out var last) is { } bad)
            {
                return bad;
            }

            var query = new PictureQuery(first, last, Blank(route), Blank(nationality), Source: Blank(source) ?? PictureSources.Frontex);
            return Results.Ok(await store.Picture.SummaryAsync(query, http.User.ToPrincipal(), http.RequestAborted));
        }).WithName("GetPictureSummary").WithSummary("Totals for a period against the same months a year earlier, route shares, top nationalities and months (the shape of `tessera picture summary --json`).")
          .Produces<PictureSummary>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/series", async (string? from, string? to, string? route, string? nationality, string? by, int? top, string? source, HttpContext http, Store store) =>
        {
            if (Refused(http) is { } refused)
            {
                return refused;
            }

            if (Period(from, to, out var first, out var last) is { } bad)
            {
                return bad;
            }

            var key = (Blank(by) ?? "route").ToLowerInvariant();
            if (key is not ("route" or "nationality"))
            {
                return BadRequest("by is 'route' or 'nationality'", "by");
            }

            var src = Blank(source) ?? PictureSources.Frontex;
            var query = new PictureQuery(first, last, Blank(route), Blank(nationality), Source: src);
            var detections = await store.Picture.DetectionsAsync(src, http.RequestAborted);
            var series = PictureSeries.Build(detections, query, key, Math.Clamp(top ?? 10, 1, 50), await store.Picture.VintageAsync(src, http.RequestAborted));
            return Results.Ok(PictureAnalysis.AggregatesOnly(http.User.ToPrincipal()) ? series.Suppress() : series);
        }).WithName("GetPictureSeries").WithSummary("Monthly detections per route (or per top nationality, the rest as \"Other\"), one aligned count per month, for stacked charts.")
          .Produces<PictureSeries>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/alerts", async (string? from, string? to, int? top, string? method, string? route, string? nationality, HttpContext http, Store store) =>
        {
            if (Refused(http) is { } refused)
            {
                return refused;
            }

            var detections = await store.Picture.DetectionsAsync(PictureSources.Frontex, http.RequestAborted);
            if (detections.Count == 0)
            {
                return Results.Ok(new AlertsDto(null, null, [], false));
            }

            // Without a period: the latest month of data, as `tessera picture alerts` does.
            var latest = detections.Max(d => d.Month);
            if (Period(from ?? latest.ToString(), to ?? from ?? latest.ToString(), out var first, out var last) is { } bad)
            {
                return bad;
            }

            if (last.Index - first.Index >= MaxAlertMonths)
            {
                return BadRequest(string.Create(CultureInfo.InvariantCulture, $"at most {MaxAlertMonths} months of alerts at once"), "from");
            }

            EarlyWarningOptions options;
            try
            {
                options = new EarlyWarningOptions(Method: EarlyWarning.ParseMethod(method));
            }
            catch (ModelException e)
            {
                return BadRequest(e.Message, "method");
            }

            var alerts = YearMonth.Range(first, last)
                .SelectMany(m => EarlyWarning.Scan(detections, m, options, Math.Clamp(top ?? 5, 0, 20), Blank(route), Blank(nationality))).ToList();
            var hide = PictureAnalysis.AggregatesOnly(http.User.ToPrincipal());
            return Results.Ok(new AlertsDto(first, last, alerts.Select(a => AlertDto.From(a, hide)).ToList(), hide));
        }).WithName("GetPictureAlerts").WithSummary("Early-warning alerts (abnormal change, Impl. Reg. 2021/581 Art. 8(4)(a)) per route and top nationality for each month of the period (or one route and nationality); the latest month by default; method farrington (default), cusum, robust or seasonal-naive; each alert says why (observed, expected with its interval, driving months).")
          .Produces<AlertsDto>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/prices", async (string? route, string? from, string? to, HttpContext http, Store store) =>
        {
            if (Refused(http) is { } refused)
            {
                return refused;
            }

            YearMonth? first = null, last = null;
            if (from is not null || to is not null)
            {
                if (Period(from ?? "0001-01", to ?? "9999-12", out var f, out var t) is { } bad)
                {
                    return bad;
                }

                (first, last) = (f, t);
            }

            var index = await store.Picture.PriceIndexAsync(Blank(route), http.RequestAborted);
            return Results.Ok(index.Where(p => (first is null || p.Month >= first) && (last is null || p.Month <= last)).ToList());
        }).WithName("GetPicturePrices").WithSummary("Smuggling price index per route, month and currency: median, quartiles and range of advertised prices.")
          .Produces<List<PriceIndexPoint>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/chart.svg", async (string? from, string? to, string? route, HttpContext http, Store store) =>
        {
            if (Refused(http) is { } refused)
            {
                return refused;
            }

            if (Period(from, to, out var first, out var last) is { } bad)
            {
                return bad;
            }

            var query = new PictureQuery(first, last, Blank(route));
            var summary = await store.Picture.SummaryAsync(query, http.User.ToPrincipal(), http.RequestAborted);
            var title = $"Detections of irregular border crossing{(query.Route is null ? "" : ", " + query.Route)}, {query.From}–{query.To}";
            return Results.Text(SvgChart.MonthlyBars(summary, title), SvgType);
        }).WithName("GetPictureChart").WithSummary("Monthly detections of the period as bars against the same months a year earlier as a line, as SVG.")
          .Produces<string>(StatusCodes.Status200OK, SvgType).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/routes.geojson", async (string? from, string? to, HttpContext http, Store store) =>
        {
            if (Refused(http) is { } refused)
            {
                return refused;
            }

            IReadOnlyDictionary<string, long?>? totals = null;
            if (from is not null || to is not null)
            {
                if (Period(from, to, out var first, out var last) is { } bad)
                {
                    return bad;
                }

                var summary = await store.Picture.SummaryAsync(new PictureQuery(first, last), http.User.ToPrincipal(), http.RequestAborted);
                totals = summary.Routes.ToDictionary(r => r.Route, r => r.Total, StringComparer.Ordinal);
            }

            return Results.Text(PictureGeoJson.Routes(totals), GeoJsonType);
        }).WithName("GetPictureRoutesGeoJson").WithSummary("GeoJSON FeatureCollection of the route lines; with from and to, each route carries its detections for the period.")
          .Produces<string>(StatusCodes.Status200OK, GeoJsonType).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        MapSections(group);
    }

    /// <summary>403 when the caller may not read aggregate statistics.</summary>
    private static IResult? Refused(HttpContext http) =>
        Permissions.MayReadAggregates(http.User.ToPrincipal())
            ? null
            : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "your role may not read aggregate statistics");

    /// <summary>Parses a period of months; a 400 naming the field when a month is missing, malformed or the period runs backwards.</summary>
    private static IResult? Period(string? from, string? to, out YearMonth first, out YearMonth last)
    {
        first = last = default;
        if (YearMonth.TryParse(from) is not { } f)
        {
            return BadRequest("from is a month, YYYY-MM", "from");
        }

        if (YearMonth.TryParse(to) is not { } t)
        {
            return BadRequest("to is a month, YYYY-MM", "to");
        }

        if (t < f)
        {
            return BadRequest($"the period ends ({t}) before it starts ({f})", "to");
        }

        (first, last) = (f, t);
        return null;
    }

    internal static IResult BadRequest(string title, string field) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, extensions: new Dictionary<string, object?> { ["field"] = field });

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
