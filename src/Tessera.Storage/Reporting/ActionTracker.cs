using System.Data.Common;
using System.Globalization;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Model;
using Tessera.Core.Reporting;

namespace Tessera.Storage.Reporting;

/// <summary>One change of an organisation's status of an action.</summary>
public sealed record ActionChange(string Organisation, string ActionId, ActionStatus Previous, ActionStatus Status, IReadOnlyList<string> Evidence,
    string Note, DateOnly Since, string SetBy, DateTimeOffset Updated);

/// <summary>Each organisation's status of each action of Council note 13901/23, with evidence; every change audited.</summary>
/// <remarks>Statuses are aggregates about an organisation's work, not personal data: every role that reads aggregates reads them.
/// Only a supervisor or policy officer of the organisation itself changes them (<see cref="Permissions.MayTrackActionsFor"/>).
/// Evidence names a record by reference only (<c>case:ID</c>, <c>contribution:N</c>, <c>check:N</c>, <c>note:N</c> or an
/// <c>https://</c> link) and must be the organisation's own: a case it is a member of, its own contribution, check or note.</remarks>
public sealed class ActionTracker
{
    /// <summary>The most evidence items one status carries.</summary>
    public const int MaxEvidence = 50;

    private readonly Store _store;

    internal ActionTracker(Store store) => _store = store;

    /// <summary>Every organisation's status of every action it set (actions not set are not started); audited.</summary>
    /// <exception cref="AccessRefusedException">The user may not read aggregates.</exception>
    public async Task<IReadOnlyList<ActionProgress>> StatusesAsync(Principal user, string? organisation = null, CancellationToken ct = default)
    {
        await RequireReadAsync(user, "actions", ct);
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await ReadAsync(connection, organisation, ct);
        await _store.Audit.AppendAsync(AuditEvent.By(user, "actions.read", "actions:" + (organisation ?? "all"), "ok",
            rows.Count.ToString(CultureInfo.InvariantCulture) + " statuses"), ct);
        return rows;
    }

    /// <summary>The history of one organisation's status of one action, oldest first; audited.</summary>
    public async Task<IReadOnlyList<ActionChange>> HistoryAsync(Principal user, string organisation, string actionId, CancellationToken ct = default)
    {
        BarometerActions.Get(actionId);
        await RequireReadAsync(user, "action:" + organisation + "/" + actionId, ct);
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<(string Org, string Action, string Previous, string Status, string Evidence, string Note, string Since, string SetBy, string Updated)>(
            "SELECT organisation, action_id, previous_status, status, evidence, note, since, set_by, updated FROM action_status_history " +
            "WHERE organisation = @organisation AND action_id = @actionId ORDER BY id", new { organisation, actionId });
        await _store.Audit.AppendAsync(AuditEvent.By(user, "actions.read", "action:" + organisation + "/" + actionId, "ok", "history"), ct);
        return rows.Select(r => new ActionChange(r.Org, r.Action, BarometerActions.ParseStatus(r.Previous), BarometerActions.ParseStatus(r.Status),
            SplitEvidence(r.Evidence), r.Note, ParseDay(r.Since), r.SetBy, Store.ParseTime(r.Updated))).ToList();
    }

    /// <summary>Sets <paramref name="organisation"/>'s status of action <paramref name="actionId"/>, with evidence, a note and the
    /// date it holds from (today by default); audited with the change.</summary>
    /// <exception cref="ModelException">Unknown action or organisation, bad evidence, a date in the future.</exception>
    /// <exception cref="AccessRefusedException">The user may not set this organisation's statuses.</exception>
    public async Task<ActionProgress> SetAsync(Principal user, string organisation, string actionId, ActionStatus status, IReadOnlyList<string> evidence,
        string? note = null, DateOnly? since = null, CancellationToken ct = default)
    {
        var action = BarometerActions.Get(actionId);
        var target = "action:" + organisation + "/" + action.Id;
        if (!Permissions.MayTrackActionsFor(user, organisation))
        {
            await _store.Audit.AppendAsync(AuditEvent.By(user, "action.set", target, nameof(Decision.Deny)), ct);
            throw new AccessRefusedException($"{user.UserName} may not set the action statuses of {organisation}");
        }

        var today = DateOnly.FromDateTime(_store.Time.GetUtcNow().UtcDateTime);
        var day = since ?? today;
        if (day > today)
        {
            throw new ModelException($"the date {day:yyyy-MM-dd} is in the future", field: "since");
        }

        var text = (note ?? "").Trim();
        if (text.Length > 2000)
        {
            throw new ModelException("the note is longer than 2,000 characters", field: "note");
        }

        var items = evidence.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (items.Count > MaxEvidence)
        {
            throw new ModelException($"at most {MaxEvidence} evidence items", field: "evidence");
        }

        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        foreach (var item in items)
        {
            await CheckEvidenceAsync(connection, tx, organisation, item);
        }

        var previous = await connection.ExecuteScalarAsync<string?>(
            "SELECT status FROM action_status WHERE organisation = @organisation AND action_id = @id", new { organisation, id = action.Id }, tx);
        var row = new
        {
            organisation, id = action.Id, status = BarometerActions.Name(status), evidence = string.Join('\n', items), note = text,
            since = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), setBy = user.UserName, updated = _store.Now(),
            previous = previous ?? BarometerActions.Name(ActionStatus.NotStarted),
        };
        await connection.ExecuteAsync(previous is null
            ? "INSERT INTO action_status (organisation, action_id, status, evidence, note, since, set_by, updated) VALUES (@organisation, @id, @status, @evidence, @note, @since, @setBy, @updated)"
            : "UPDATE action_status SET status = @status, evidence = @evidence, note = @note, since = @since, set_by = @setBy, updated = @updated WHERE organisation = @organisation AND action_id = @id",
            row, tx);
        await connection.ExecuteAsync(
            "INSERT INTO action_status_history (organisation, action_id, previous_status, status, evidence, note, since, set_by, updated) " +
            "VALUES (@organisation, @id, @previous, @status, @evidence, @note, @since, @setBy, @updated)", row, tx);
        await _store.Audit.AppendAsync(connection, tx, [AuditEvent.By(user, "action.set", target, "ok",
            $"{row.previous} → {row.status}; {items.Count.ToString(CultureInfo.InvariantCulture)} evidence; since {row.since}")]);
        await tx.CommitAsync(ct);
        return new ActionProgress(organisation, action.Id, status, items, text, day, user.UserName);
    }

    /// <summary>The statuses as stored, before any access decision: for the report, which checked the user itself.</summary>
    internal static async Task<List<ActionProgress>> ReadAsync(DbConnection connection, string? organisation, CancellationToken ct)
    {
        _ = ct;
        var rows = await connection.QueryAsync<(string Org, string Action, string Status, string Evidence, string Note, string Since, string SetBy)>(
            "SELECT organisation, action_id, status, evidence, note, since, set_by FROM action_status" +
            (organisation is null ? "" : " WHERE organisation = @organisation") + " ORDER BY organisation, action_id", new { organisation });
        return rows.Where(r => BarometerActions.Find(r.Action) is not null)
            .Select(r => new ActionProgress(r.Org, r.Action, BarometerActions.ParseStatus(r.Status), SplitEvidence(r.Evidence), r.Note, ParseDay(r.Since), r.SetBy))
            .ToList();
    }

    private async Task RequireReadAsync(Principal user, string target, CancellationToken ct)
    {
        if (!Permissions.MayReadAggregates(user))
        {
            await _store.Audit.AppendAsync(AuditEvent.By(user, "actions.read", target, nameof(Decision.Deny)), ct);
            throw new AccessRefusedException($"{user.UserName} may not read the action tracker");
        }
    }

    // Evidence is the organisation's own: a case it is a member of, or its own contribution, check or case note. A reference to
    // anything else is refused with the same message as one to nothing, so that evidence cannot probe for others' records.
    private static async Task CheckEvidenceAsync(DbConnection connection, DbTransaction tx, string organisation, string item)
    {
        var colon = item.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? "" : item[..colon];
        var reference = colon < 0 ? "" : item[(colon + 1)..];
        if (kind == "https" && Uri.TryCreate(item, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && item.Length <= 500)
        {
            return;
        }

        var numeric = long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id);
        var sql = kind switch
        {
            "case" => "SELECT COUNT(*) FROM case_members WHERE case_id = @reference AND organisation = @organisation",
            "contribution" when numeric => "SELECT COUNT(*) FROM contributions WHERE id = @id AND organisation = @organisation",
            "check" when numeric => "SELECT COUNT(*) FROM checks WHERE id = @id AND organisation = @organisation",
            "note" when numeric => "SELECT COUNT(*) FROM case_notes WHERE id = @id AND organisation = @organisation",
            _ => throw new ModelException($"evidence '{item}' is not case:ID, contribution:N, check:N, note:N or an https:// link", field: "evidence"),
        };
        if (await connection.ExecuteScalarAsync<long>(sql, new { reference, id, organisation }, tx) == 0)
        {
            throw new ModelException($"evidence '{item}' is not a record of {organisation}", field: "evidence");
        }
    }

    private static List<string> SplitEvidence(string text) => text.Length == 0 ? [] : [.. text.Split('\n')];

    private static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
