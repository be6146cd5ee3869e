using System.Globalization;
using System.Text;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;

namespace Tessera.Storage.Audit;

/// <summary>What an auditor looks for in the trail; every criterion left empty matches everything.</summary>
/// <param name="Actor">The user who acted, exactly.</param>
/// <param name="Organisation">The acting user's organisation, exactly.</param>
/// <param name="Action">An action (<c>entity.search</c>) or a family of them (<c>user</c> matches <c>user.signin</c>, <c>user.add</c> …).</param>
/// <param name="Outcome">The outcome, exactly (<c>ok</c>, <c>Allow</c>, <c>Deny</c>, <c>failed</c> …).</param>
/// <param name="From">The first instant included.</param>
/// <param name="Until">The first instant no longer included.</param>
/// <param name="UpTo">The last sequence number included: pages read later stay where they were while the log grows.</param>
public sealed record AuditFilter(string? Actor = null, string? Organisation = null, string? Action = null, string? Outcome = null,
    DateTimeOffset? From = null, DateTimeOffset? Until = null, long? UpTo = null)
{
    /// <summary>The criteria in one line, as recorded in the audit entry of the read itself (empty for no criteria).</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + value);
            }
        }

        Add("user", Actor);
        Add("organisation", Organisation);
        Add("action", Action);
        Add("outcome", Outcome);
        Add("from", From is { } f ? Store.Format(f) : null);
        Add("until", Until is { } u ? Store.Format(u) : null);
        Add("upto", UpTo?.ToString(CultureInfo.InvariantCulture));
        return string.Join(' ', parts);
    }
}

/// <summary>One page of matching entries, newest first, with how many match in all.</summary>
/// <param name="UpTo">The last sequence number the pages cover: the filter's, or the log's newest entry when it had none.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long Total, long UpTo);

/// <summary>Filtering, paging and exporting the trail for auditors.</summary>
public sealed partial class AuditLog
{
    /// <summary>The most entries one page holds.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Whether <paramref name="user"/> may read the trail, recording the read (<paramref name="action"/>, with the
    /// criteria as its query) whether allowed or refused.</summary>
    public async Task<bool> OpenAsync(Principal user, string action, AuditFilter filter, CancellationToken ct = default)
    {
        var allowed = Permissions.MayReadAudit(user);
        await AppendAsync(AuditEvent.By(user, action, "audit", allowed ? nameof(Decision.Allow) : nameof(Decision.Deny), query: filter.ToString()), ct);
        return allowed;
    }

    /// <summary>Page <paramref name="page"/> (from 1) of the entries matching <paramref name="filter"/>, newest first.</summary>
    public async Task<AuditPage> SearchAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var connection = await _store.ConnectAsync(ct);
        var upTo = filter.UpTo ?? await connection.ExecuteScalarAsync<long>("SELECT seq FROM audit_head WHERE id = 1");
        var (where, args) = Where(filter with { UpTo = upTo });
        args.Add("limit", pageSize);
        args.Add("offset", (long)(Math.Max(page, 1) - 1) * pageSize);
        var total = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log" + where, args);
        var rows = await connection.QueryAsync<AuditRow>(SelectColumns + where + " ORDER BY seq DESC LIMIT @limit OFFSET @offset", args);
        return new AuditPage(rows.Select(r => r.ToEntry()).ToList(), total, upTo);
    }

    /// <summary>Every entry matching <paramref name="filter"/>, oldest first, streamed.</summary>
    public async IAsyncEnumerable<AuditEntry> MatchingAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var (where, args) = Where(filter);
        await using var connection = await _store.ConnectAsync(ct);
        await using var reader = await connection.ExecuteReaderAsync(SelectColumns + where + " ORDER BY seq", args);
        var parser = reader.GetRowParser<AuditRow>();
        while (await reader.ReadAsync(ct))
        {
            yield return parser(reader).ToEntry();
        }
    }

    /// <summary>The actions and outcomes the trail holds, for an auditor's choice lists.</summary>
    public async Task<(IReadOnlyList<string> Actions, IReadOnlyList<string> Outcomes)> VocabularyAsync(CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var actions = (await connection.QueryAsync<string>("SELECT DISTINCT action FROM audit_log ORDER BY action")).ToList();
        var outcomes = (await connection.QueryAsync<string>("SELECT DISTINCT outcome FROM audit_log ORDER BY outcome")).ToList();
        return (actions, outcomes);
    }

    private const string SelectColumns =
        "SELECT seq AS Sequence, time AS Time, actor AS Actor, organisation AS Organisation, action AS Action, target AS Target, " +
        "outcome AS Outcome, details AS Details, prev_hash AS PreviousHash, hash AS Hash, query AS Query, purpose AS Purpose FROM audit_log";

    // Every value goes in as a parameter; times compare as Tessera's fixed-width UTC text (Store.Format), which sorts as time does.
    private static (string Where, DynamicParameters Args) Where(AuditFilter f)
    {
        var sql = new StringBuilder();
        var args = new DynamicParameters();
        void And(string condition, string name, object value)
        {
            sql.Append(sql.Length == 0 ? " WHERE " : " AND ").Append(condition);
            args.Add(name, value);
        }

        if (!string.IsNullOrEmpty(f.Actor))
        {
            And("actor = @actor", "actor", f.Actor);
        }

        if (!string.IsNullOrEmpty(f.Organisation))
        {
            And("organisation = @organisation", "organisation", f.Organisation);
        }

        if (!string.IsNullOrEmpty(f.Action))
        {
            // A family by prefix, compared as text (no LIKE, so '%' and '_' in the criterion stay literal).
            And("(action = @action OR substr(action, 1, @familyLength) = @family)", "action", f.Action);
            args.Add("family", f.Action + ".");
            args.Add("familyLength", f.Action.Length + 1);
        }

        if (!string.IsNullOrEmpty(f.Outcome))
        {
            And("outcome = @outcome", "outcome", f.Outcome);
        }

        if (f.From is { } from)
        {
            And("time >= @from", "from", Store.Format(from));
        }

        if (f.Until is { } until)
        {
            And("time < @until", "until", Store.Format(until));
        }

        if (f.UpTo is { } upTo)
        {
            And("seq <= @upTo", "upTo", upTo);
        }

        return (sql.ToString(), args);
    }
}
