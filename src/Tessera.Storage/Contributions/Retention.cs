using System.Data.Common;
using System.Globalization;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Model;

namespace Tessera.Storage.Contributions;

/// <summary>A contribution whose review date is near or past.</summary>
/// <param name="DaysLeft">Days from today to the review date; negative when it has passed.</param>
public sealed record RetentionDue(long ContributionId, string Organisation, string? CaseId, string Source, DateOnly ReviewDate, int DaysLeft);

/// <summary>A contribution erased at the end of its retention, and what went with it.</summary>
public sealed record RetentionErasure(long ContributionId, string Organisation, string Source, DateOnly ReviewDate, int Statements, int Hits);

/// <summary>What one retention run did (or, in a dry run, would do).</summary>
/// <param name="Notified">Contributions whose owner was told now that the review date comes near (once per review date).</param>
/// <param name="Due">Every contribution due for review within <see cref="Retention.NoticeDays"/> days, told before or now.</param>
public sealed record RetentionRun(DateOnly Today, bool DryRun, IReadOnlyList<RetentionDue> Due, IReadOnlyList<RetentionDue> Notified,
    IReadOnlyList<RetentionErasure> Erased);

/// <summary>Enforces every contribution's review date (Europol Regulation Art. 31): owners are told
/// <see cref="NoticeDays"/> days ahead, an owner may extend the date, and a contribution past it is erased with everything
/// that refers to it — statements, row subjects, transfers, its cross-check mark, hits and their notices — with an audit
/// entry. The audit chain itself is never touched.</summary>
/// <remarks>"Today" is the UTC day of <see cref="Store.Time"/>. A contribution is due from <see cref="NoticeDays"/> days before
/// its review date up to that date; it is erased from the day after.</remarks>
public sealed class Retention
{
    /// <summary>How many days ahead an owner is told that a contribution is due for review.</summary>
    public const int NoticeDays = 30;

    /// <summary>How far ahead a review date may be extended, in years (the default retention).</summary>
    public const int MaxExtensionYears = 3;

    /// <summary>The kind of the notice an owner gets.</summary>
    public const string NoticeKind = "retention-due";

    private const string Select =
        "SELECT id AS ContributionId, organisation AS Organisation, case_id AS CaseId, source AS Source, review_date AS ReviewDate FROM contributions";

    private readonly Store _store;

    internal Retention(Store store) => _store = store;

    /// <summary>Every table an erasure clears of the contribution's rows (and of rows of its hits and notices); a table added
    /// by a migration that refers to contributions, entities, hits or notices must be handled here and named
    /// (<c>RetentionTests.Erase_EveryTableReferringToAContribution_IsCovered</c> fails until it is).</summary>
    internal static IReadOnlyList<string> ErasedTables { get; } =
        ["releases", "access_requests", "hit_events", "match_judgements", "notices", "hits", "retention_notices", "entity_subjects", "contribution_transfers",
            "crosschecked", "statements", "contributions"];

    /// <summary>Today, as retention counts it: the UTC day of the store's clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(_store.Time.GetUtcNow().UtcDateTime);

    /// <summary>The contributions of <paramref name="by"/>'s organisation due for review within <see cref="NoticeDays"/> days
    /// (or past it and not yet erased), soonest first. Audited (<c>retention.due</c>).</summary>
    public async Task<IReadOnlyList<RetentionDue>> DueAsync(Principal by, CancellationToken ct = default)
    {
        var due = AccessPolicy.Decide(by, AccessAction.View, AccessTarget.OwnRecordsOf(by.Organisation)) == Decision.Allow
            ? (await DueAsync(by.Organisation, ct)).ToList()
            : [];
        await _store.Audit.AppendAsync(AuditEvent.By(by, "retention.due", "retention:" + by.Organisation, "ok",
            due.Count.ToString(CultureInfo.InvariantCulture) + " due"), ct);
        return due;
    }

    /// <summary>Contributions due for review within <see cref="NoticeDays"/> days or past it, of one organisation or of all
    /// (<paramref name="organisation"/> null), soonest first; not audited (for the platform's own runs).</summary>
    public async Task<IReadOnlyList<RetentionDue>> DueAsync(string? organisation, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<Row>(
            Select + " WHERE review_date <= @until" + (organisation is null ? "" : " AND organisation = @organisation") + " ORDER BY review_date, id",
            new { until = Day(Today.AddDays(NoticeDays)), organisation });
        return rows.Select(r => r.ToDue(Today)).ToList();
    }

    /// <summary>One run: tells owners of contributions coming due (once per review date) and erases those past their review
    /// date. A dry run reports the same and changes nothing.</summary>
    /// <exception cref="Tessera.Core.Access.AccessRefusedException">Only the platform (its daily job, its operator) or an administrator runs retention.</exception>
    public async Task<RetentionRun> RunAsync(Principal by, bool dryRun = false, CancellationToken ct = default)
    {
        if (by != Principal.System && AccessPolicy.Decide(by, AccessAction.Administer, AccessTarget.Platform) != Decision.Allow)
        {
            throw new Tessera.Core.Access.AccessRefusedException($"{by.UserName} may not run retention");
        }

        var today = Today;
        var all = await DueAsync((string?)null, ct);
        var past = all.Where(d => d.ReviewDate < today).ToList();
        var due = all.Where(d => d.ReviewDate >= today).ToList();
        var notified = new List<RetentionDue>();
        var erased = new List<RetentionErasure>();
        foreach (var d in due)
        {
            if (dryRun ? !await NotifiedAsync(d, ct) : await NotifyAsync(d, by, ct))
            {
                notified.Add(d);
            }
        }

        foreach (var d in past)
        {
            if (dryRun)
            {
                erased.Add(await CountAsync(d, ct));
            }
            else if (await EraseAsync(d, today, by, ct) is { } e)
            {
                erased.Add(e);
            }
        }

        return new RetentionRun(today, dryRun, due, notified, erased);
    }

    /// <summary>Moves a contribution's review date to <paramref name="until"/>, for its owner only, with the reason audited
    /// (<c>retention.extend</c>); returns the review date it had.</summary>
    /// <exception cref="ModelException">The date is not in the future or lies more than <see cref="MaxExtensionYears"/> years
    /// ahead, the reason is missing, or the organisation has no such contribution (another's is answered alike).</exception>
    /// <exception cref="Tessera.Core.Access.AccessRefusedException">The user may not modify their organisation's records.</exception>
    public async Task<DateOnly> ExtendAsync(long contributionId, DateOnly until, string reason, Principal by, CancellationToken ct = default)
    {
        var today = Today;
        if (until <= today || until > today.AddYears(MaxExtensionYears))
        {
            throw new ModelException(string.Create(CultureInfo.InvariantCulture,
                $"the new review date must lie after today ({Day(today)}) and at most {MaxExtensionYears} years ahead ({Day(today.AddYears(MaxExtensionYears))})"), field: "until");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ModelException("an extension needs its reason", field: "reason");
        }

        if (AccessPolicy.Decide(by, AccessAction.Modify, AccessTarget.OwnRecordsOf(by.Organisation)) != Decision.Allow)
        {
            throw new Tessera.Core.Access.AccessRefusedException($"{by.UserName} may not change the records of {by.Organisation}");
        }

        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            Select + " WHERE id = @contributionId" + (_store.Provider == StorageProvider.Postgres ? " FOR UPDATE" : ""), new { contributionId }, tx);
        if (row is null || row.Organisation != by.Organisation)
        {
            throw ModelException.Unknown(string.Create(CultureInfo.InvariantCulture, $"{by.Organisation} has no contribution {contributionId}"), field: "contribution");
        }

        await connection.ExecuteAsync("UPDATE contributions SET review_date = @until WHERE id = @contributionId", new { until = Day(until), contributionId }, tx);
        await _store.Audit.AppendAsync(connection, tx, [AuditEvent.By(by, "retention.extend", Target(contributionId), "ok",
            $"review date {row.ReviewDate} to {Day(until)}: {reason.Trim()}")]);
        await tx.CommitAsync(ct);
        return DateOnly.ParseExact(row.ReviewDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private async Task<bool> NotifiedAsync(RetentionDue d, CancellationToken ct)
    {
        await using var connection = await _store.ConnectAsync(ct);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM retention_notices WHERE contribution_id = @ContributionId AND review_date = @review",
            new { d.ContributionId, review = Day(d.ReviewDate) }) > 0;
    }

    // Once per contribution and review date, even with two nodes running retention at once: the second finds the first's row.
    private async Task<bool> NotifyAsync(RetentionDue d, Principal by, CancellationToken ct)
    {
        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        var review = Day(d.ReviewDate);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM retention_notices WHERE contribution_id = @ContributionId AND review_date = @review",
                new { d.ContributionId, review }, tx) > 0)
        {
            return false;
        }

        var details = string.Create(CultureInfo.InvariantCulture,
            $"contribution {d.ContributionId} ({d.Source}) is due for review on {review}: extend it (tessera retention extend) or it is erased after that day");
        var notice = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO notices (created, organisation, kind, hit_id, from_organisation, details) VALUES (@now, @Organisation, @kind, NULL, NULL, @details) RETURNING id",
            new { now = _store.Now(), d.Organisation, kind = NoticeKind, details }, tx);
        if (await connection.ExecuteAsync("INSERT INTO retention_notices (contribution_id, review_date, notice_id) VALUES (@ContributionId, @review, @notice) ON CONFLICT DO NOTHING",
                new { d.ContributionId, review, notice }, tx) == 0)
        {
            return false;
        }

        await _store.Audit.AppendAsync(connection, tx, [AuditEvent.By(by, "retention.notice", Target(d.ContributionId), "ok", "to " + d.Organisation + ": due " + review)]);
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task<RetentionErasure> CountAsync(RetentionDue d, CancellationToken ct)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var (statements, hits) = await connection.QuerySingleAsync<(long, long)>(
            "SELECT (SELECT COUNT(*) FROM statements WHERE contribution_id = @id), (SELECT COUNT(*) FROM hits WHERE new_contribution_id = @id OR existing_contribution_id = @id)",
            new { id = d.ContributionId });
        return new RetentionErasure(d.ContributionId, d.Organisation, d.Source, d.ReviewDate, (int)statements, (int)hits);
    }

    // One transaction per contribution; a contribution extended meanwhile (its review date no longer past) is kept.
    private async Task<RetentionErasure?> EraseAsync(RetentionDue d, DateOnly today, Principal by, CancellationToken ct)
    {
        var id = d.ContributionId;
        RetentionErasure erased;
        await using (var connection = await _store.ConnectAsync(ct))
        {
            await using var tx = await Store.BeginWriteAsync(connection, ct);
            // Locked on PostgreSQL (SQLite's write transaction holds the database): an extension cannot slip in before the delete.
            var review = await connection.ExecuteScalarAsync<string?>(
                "SELECT review_date FROM contributions WHERE id = @id" + (_store.Provider == StorageProvider.Postgres ? " FOR UPDATE" : ""), new { id }, tx);
            if (review is null || string.CompareOrdinal(review, Day(today)) >= 0)
            {
                return null;
            }

            var hits = await EraseReferencesAsync(connection, tx, id);
            var statements = await connection.ExecuteAsync("DELETE FROM statements WHERE contribution_id = @id", new { id }, tx);
            await connection.ExecuteAsync("DELETE FROM contributions WHERE id = @id", new { id }, tx);
            erased = new RetentionErasure(id, d.Organisation, d.Source, d.ReviewDate, statements, hits);
            await _store.Audit.AppendAsync(connection, tx, [AuditEvent.By(by, "retention.erase", Target(id), "ok", string.Create(CultureInfo.InvariantCulture,
                $"{d.Organisation} {d.Source}: review date {review} passed; {statements} statements, {hits} hits erased"))]);
            await tx.CommitAsync(ct);
        }

        await _store.CrossCheck.Index.ForgetAsync(id, ct);
        return erased;
    }

    // Everything that refers to the contribution, before the contribution itself: its hits on either side and the notices of
    // those hits (both organisations'), its retention notices, row subjects, transfers and cross-check mark. Returns the hits.
    private static async Task<int> EraseReferencesAsync(DbConnection connection, DbTransaction tx, long id)
    {
        var hits = (await connection.QueryAsync<long>("SELECT id FROM hits WHERE new_contribution_id = @id OR existing_contribution_id = @id", new { id }, tx)).ToList();
        // The follow-up of those hits: releases and requests for the record or on the hits, the triage history, and the hit a
        // match decision names (the decision itself stays: it is about the records, not the hit).
        await connection.ExecuteAsync("DELETE FROM releases WHERE contribution_id = @id OR request_id IN (SELECT id FROM access_requests WHERE contribution_id = @id)", new { id }, tx);
        await connection.ExecuteAsync("DELETE FROM access_requests WHERE contribution_id = @id", new { id }, tx);
        foreach (var chunk in hits.Chunk(500))
        {
            var list = string.Join(',', chunk.Select(h => h.ToString(CultureInfo.InvariantCulture)));
            await connection.ExecuteAsync($"DELETE FROM releases WHERE request_id IN (SELECT id FROM access_requests WHERE hit_id IN ({list}))", transaction: tx);
            await connection.ExecuteAsync($"DELETE FROM access_requests WHERE hit_id IN ({list})", transaction: tx);
            await connection.ExecuteAsync($"DELETE FROM hit_events WHERE hit_id IN ({list})", transaction: tx);
            await connection.ExecuteAsync($"UPDATE match_judgements SET hit_id = NULL WHERE hit_id IN ({list})", transaction: tx);
            await connection.ExecuteAsync($"DELETE FROM notices WHERE hit_id IN ({list})", transaction: tx);
        }

        await connection.ExecuteAsync("DELETE FROM hits WHERE new_contribution_id = @id OR existing_contribution_id = @id", new { id }, tx);
        var notices = (await connection.QueryAsync<long>("SELECT notice_id FROM retention_notices WHERE contribution_id = @id", new { id }, tx)).ToList();
        await connection.ExecuteAsync("DELETE FROM retention_notices WHERE contribution_id = @id", new { id }, tx);
        foreach (var notice in notices)
        {
            await connection.ExecuteAsync("DELETE FROM notices WHERE id = @notice", new { notice }, tx);
        }

        foreach (var table in new[] { "entity_subjects", "contribution_transfers", "crosschecked" })
        {
            await connection.ExecuteAsync($"DELETE FROM {table} WHERE contribution_id = @id", new { id }, tx);
        }

        return hits.Count;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Target(long id) => "contribution:" + id.ToString(CultureInfo.InvariantCulture);

    private sealed record Row(long ContributionId, string Organisation, string? CaseId, string Source, string ReviewDate)
    {
        public RetentionDue ToDue(DateOnly today)
        {
            var review = DateOnly.ParseExact(ReviewDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return new RetentionDue(ContributionId, Organisation, CaseId, Source, review, review.DayNumber - today.DayNumber);
        }
    }
}
