using System.Globalization;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Picture;

namespace Tessera.Storage.Picture;

/// <summary>Incidents of the events layer and smuggling price observations.</summary>
public sealed partial class PictureStore
{
    /// <summary>Records incidents in one transaction, audited; a reference already recorded fails the whole call.</summary>
    public async Task AddIncidentsAsync(IReadOnlyList<Incident> incidents, Principal by, CancellationToken ct = default)
    {
        RequireContributor(by, "record incidents");
        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        await InsertIncidentsAsync(connection, tx, null, incidents, ct);
        await _store.Audit.AppendAsync(connection, tx,
            [new AuditEvent(by.UserName, by.Organisation, "picture.incidents.add", "picture_incidents", "ok", string.Create(CultureInfo.InvariantCulture, $"{incidents.Count} incidents"))]);
        await tx.CommitAsync(ct);
    }

    /// <summary>Incidents whose time falls in [<paramref name="from"/>, <paramref name="to"/>), by time.</summary>
    public async Task<IReadOnlyList<Incident>> IncidentsAsync(DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<(string Reference, string Time, double Latitude, double Longitude, string Section, string Route, string Category, string Level, long Persons, string Organisation)>(
            "SELECT reference, time, latitude, longitude, border_section, route, category, impact_level, persons, organisation FROM picture_incidents " +
            "WHERE time >= @from AND time < @to ORDER BY time, reference",
            new { from = from is null ? "" : Store.Format(from.Value), to = to is null ? "9999" : Store.Format(to.Value) });
        return rows.Select(r => new Incident(r.Reference, ParseTime(r.Time), r.Latitude, r.Longitude, r.Section, r.Route, r.Category,
            IncidentImpactLevels.TryParse(r.Level)!.Value, (int)r.Persons, r.Organisation)).ToList();
    }

    /// <summary>Adds price observations (extracted from online posts elsewhere), audited.</summary>
    public async Task AddPricesAsync(IReadOnlyList<PriceObservation> prices, Principal by, CancellationToken ct = default)
    {
        RequireContributor(by, "record prices");
        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        await PictureRows.InsertAsync(connection, tx, "picture_prices", ["route", "month", "amount", "currency", "reference"],
            prices.Select(p => new object?[] { p.Route, p.Month.ToString(), p.Amount, p.Currency.Trim().ToUpperInvariant(), p.Reference }), ct);
        await _store.Audit.AppendAsync(connection, tx,
            [new AuditEvent(by.UserName, by.Organisation, "picture.prices.add", "picture_prices", "ok", string.Create(CultureInfo.InvariantCulture, $"{prices.Count} observations"))]);
        await tx.CommitAsync(ct);
    }

    /// <summary>The price index per route, month and currency (median and range), optionally for one route.</summary>
    public async Task<IReadOnlyList<PriceIndexPoint>> PriceIndexAsync(string? route = null, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<(string Route, string Month, double Amount, string Currency, string Reference)>(
            "SELECT route, month, amount, currency, reference FROM picture_prices");
        return SmugglingPrices.Index(rows
            .Where(r => route is null || PictureQuery.RouteMatches(r.Route, route))
            .Select(r => new PriceObservation(r.Route, YearMonth.Parse(r.Month), r.Amount, r.Currency, r.Reference)));
    }

    private static void RequireContributor(Principal by, string what)
    {
        if (AccessPolicy.Decide(by, AccessAction.Contribute, AccessTarget.Platform) != Decision.Allow
            && AccessPolicy.Decide(by, AccessAction.Administer, AccessTarget.Platform) != Decision.Allow)
        {
            throw new Tessera.Core.Access.AccessRefusedException($"{by.UserName} may not {what}");
        }
    }
}
