using System.Data.Common;
using System.Globalization;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Picture;

namespace Tessera.Storage.Picture;

/// <summary>The outcome of an import.</summary>
/// <param name="Added">False when a file with the same content had been imported before: nothing was added.</param>
/// <param name="Superseded">The earlier import of the same source that this one replaces (a newer vintage), if any.</param>
public sealed record PictureImportResult(long ImportId, bool Added, DetectionFormat Format, string Source, string? Vintage, int Rows,
    long? Superseded, IReadOnlyList<ImportWarning> Warnings);

/// <summary>One stored import.</summary>
public sealed record PictureImport(long Id, string FileName, string Format, string Source, string? Vintage, long Rows, string Imported, string ImportedBy, long? SupersededBy);

/// <summary>The joint situational picture in the database: detections, daily arrivals, incidents, border sections, prices.</summary>
/// <remarks>Detection imports are all-or-nothing (one transaction with their audit entry) and idempotent (content hash).
/// A new import of a source supersedes the earlier one, since each Frontex release revises back months: analysis reads
/// the latest vintage only.</remarks>
public sealed partial class PictureStore
{
    private readonly Store _store;

    internal PictureStore(Store store) => _store = store;

    /// <summary>Stores a parsed file in one transaction, with its audit entry.</summary>
    /// <exception cref="Tessera.Core.Access.AccessRefusedException">The principal may neither contribute nor administer.</exception>
    public async Task<PictureImportResult> ImportAsync(DetectionBatch batch, Principal by, CancellationToken ct = default)
    {
        if (AccessPolicy.Decide(by, AccessAction.Contribute, AccessTarget.Platform) != Decision.Allow
            && AccessPolicy.Decide(by, AccessAction.Administer, AccessTarget.Platform) != Decision.Allow)
        {
            throw new Tessera.Core.Access.AccessRefusedException($"{by.UserName} may not import detection data");
        }

        var rows = batch.Detections.Count + batch.DailyArrivals.Count + batch.Incidents.Count;
        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        var existing = await connection.ExecuteScalarAsync<long?>("SELECT id FROM picture_imports WHERE content_hash = @ContentHash", batch, tx);
        if (existing is { } earlier)
        {
            await _store.Audit.AppendAsync(connection, tx, [Event(by, "picture.import.repeat", earlier, batch.FileName)]);
            await tx.CommitAsync(ct);
            return new PictureImportResult(earlier, false, batch.Format, batch.Source, batch.Vintage, 0, null, batch.Warnings);
        }

        var id = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO picture_imports (content_hash, file_name, format, source, vintage, rows_imported, imported, imported_by) " +
            "VALUES (@ContentHash, @FileName, @format, @Source, @Vintage, @rows, @now, @user) RETURNING id",
            new { batch.ContentHash, batch.FileName, format = batch.Format.ToString(), batch.Source, batch.Vintage, rows = (long)rows, now = _store.Now(), user = by.UserName }, tx);
        long? superseded = null;
        if (batch.Format != DetectionFormat.IncidentsCsv)
        {
            superseded = await connection.ExecuteScalarAsync<long?>(
                "SELECT MAX(id) FROM picture_imports WHERE source = @Source AND superseded_by IS NULL AND id <> @id AND format <> 'IncidentsCsv'", new { batch.Source, id }, tx);
            await connection.ExecuteAsync(
                "UPDATE picture_imports SET superseded_by = @id WHERE source = @Source AND superseded_by IS NULL AND id <> @id AND format <> 'IncidentsCsv'",
                new { batch.Source, id }, tx);
        }

        await PictureRows.InsertAsync(connection, tx, "picture_detections",
            ["import_id", "source", "month", "route", "border_type", "border_section", "nationality", "nationality_iso3", "detections"],
            batch.Detections.Select(d => new object?[] { id, d.Source, d.Month.ToString(), d.Route, d.BorderType, d.BorderSection, d.Nationality, d.NationalityIso3, d.Count }), ct);
        await PictureRows.InsertAsync(connection, tx, "picture_daily_arrivals",
            ["import_id", "source", "day", "route", "arrivals", "report_date"],
            batch.DailyArrivals.Select(d => new object?[] { id, d.Source, Day(d.Day), d.Route, d.Count, Day(d.ReportDate) }), ct);
        await InsertIncidentsAsync(connection, tx, id, batch.Incidents, ct);
        var details = string.Create(CultureInfo.InvariantCulture,
            $"{batch.FileName}: {batch.Format}, {batch.Source}, vintage {batch.Vintage ?? "-"}, {rows} rows, {batch.Warnings.Count} rows left out");
        await _store.Audit.AppendAsync(connection, tx, [Event(by, "picture.import", id, details)]);
        await tx.CommitAsync(ct);
        return new PictureImportResult(id, true, batch.Format, batch.Source, batch.Vintage, rows, superseded, batch.Warnings);
    }

    /// <summary>Whether a file with this content hash has been imported (see <see cref="DetectionFiles.Hash"/>).</summary>
    public async Task<bool> IsImportedAsync(string contentHash, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM picture_imports WHERE content_hash = @contentHash", new { contentHash }) > 0;
    }

    /// <summary>The imports, newest first.</summary>
    public async Task<IReadOnlyList<PictureImport>> ImportsAsync(CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        return (await connection.QueryAsync<PictureImport>(
            "SELECT id AS Id, file_name AS FileName, format AS Format, source AS Source, vintage AS Vintage, rows_imported AS Rows, " +
            "imported AS Imported, imported_by AS ImportedBy, superseded_by AS SupersededBy FROM picture_imports ORDER BY id DESC")).ToList();
    }

    /// <summary>Monthly detections of the current vintage of <paramref name="source"/>; daily series are summed to months.</summary>
    public async Task<IReadOnlyList<DetectionCount>> DetectionsAsync(string source = PictureSources.Frontex, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<(string Month, string Route, string BorderType, string Nationality, long Count, string? Iso3, string Section)>(
            "SELECT d.month, d.route, d.border_type, d.nationality, d.detections, d.nationality_iso3, d.border_section FROM picture_detections d " +
            "JOIN picture_imports i ON i.id = d.import_id WHERE i.superseded_by IS NULL AND d.source = @source", new { source });
        var list = rows.Select(r => new DetectionCount(YearMonth.Parse(r.Month), r.Route, r.BorderType, r.Nationality, r.Count, source, r.Iso3, r.Section)).ToList();
        var daily = await DailyArrivalsAsync(source, ct);
        list.AddRange(daily.GroupBy(d => (Month: YearMonth.Of(d.Day), d.Route))
            .Select(g => new DetectionCount(g.Key.Month, g.Key.Route, "Sea", "All", g.Sum(d => d.Count), source)));
        return list;
    }

    /// <summary>Daily arrivals of the current vintage of <paramref name="source"/>, by day.</summary>
    public async Task<IReadOnlyList<DailyArrival>> DailyArrivalsAsync(string source = PictureSources.ItalyDaily, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<(string Day, string Route, long Count, string Report)>(
            "SELECT d.day, d.route, d.arrivals, d.report_date FROM picture_daily_arrivals d JOIN picture_imports i ON i.id = d.import_id " +
            "WHERE i.superseded_by IS NULL AND d.source = @source ORDER BY d.day", new { source });
        return rows.Select(r => new DailyArrival(ParseDay(r.Day), r.Route, r.Count, source, ParseDay(r.Report))).ToList();
    }

    /// <summary>The summary for a period and filter as <paramref name="by"/> may see it (small counts hidden for aggregate-only users).</summary>
    /// <exception cref="Tessera.Core.Access.AccessRefusedException">The principal may not read aggregates.</exception>
    public async Task<PictureSummary> SummaryAsync(PictureQuery query, Principal by, CancellationToken ct = default)
    {
        var detections = await DetectionsAsync(query.Source, ct);
        var summary = PictureAnalysis.Summarise(detections, query) with { Vintage = await VintageAsync(query.Source, ct) };
        return PictureAnalysis.For(summary, by);
    }

    /// <summary>The vintage ("data as of") of the current import of a source, or null.</summary>
    public async Task<string?> VintageAsync(string source, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(
            "SELECT vintage FROM picture_imports WHERE source = @source AND superseded_by IS NULL ORDER BY id DESC LIMIT 1", new { source });
    }

    private static AuditEvent Event(Principal by, string action, long importId, string details) =>
        new(by.UserName, by.Organisation, action, "picture_import:" + importId.ToString(CultureInfo.InvariantCulture), "ok", details);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task InsertIncidentsAsync(DbConnection connection, DbTransaction tx, long? importId, IReadOnlyList<Incident> incidents, CancellationToken ct)
    {
        if (incidents.Count == 0)
        {
            return;
        }

        var references = incidents.Select(i => i.Reference).ToArray();
        var duplicate = incidents.GroupBy(i => i.Reference, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key
            ?? await connection.ExecuteScalarAsync<string?>(
                "SELECT reference FROM picture_incidents WHERE " + _store.In("reference", "refs") + " LIMIT 1", new { refs = references }, tx);
        if (duplicate is not null)
        {
            throw new Core.Model.ModelException($"incident '{duplicate}' is already recorded", null, null, "reference");
        }

        await PictureRows.InsertAsync(connection, tx, "picture_incidents",
            ["reference", "import_id", "time", "latitude", "longitude", "border_section", "route", "category", "impact_level", "persons", "organisation"],
            incidents.Select(i => new object?[]
            {
                i.Reference, importId, Store.Format(i.Time), i.Latitude, i.Longitude, i.BorderSection, i.Route, i.Category,
                IncidentImpactLevels.Name(i.ImpactLevel), (long)i.Persons, i.Organisation,
            }), ct);
    }
}
