using System.Globalization;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Model;

namespace Tessera.Storage.Cases;

/// <summary>A note a member of a case wrote for its partners.</summary>
public sealed record CaseNote(long Id, string CaseId, string Author, string Organisation, DateTimeOffset Created, string Text);

/// <summary>Notes of a case: only its members read and add them; every read and write is audited, refusals too.</summary>
public static class CaseNotes
{
    /// <summary>The longest note accepted, in characters.</summary>
    public const int MaxLength = 4000;

    /// <summary>The case's notes, oldest first; null when there is no such case or <paramref name="user"/> is not a member.</summary>
    /// <remarks>A non-member is answered exactly as if the case did not exist.</remarks>
    public static async Task<IReadOnlyList<CaseNote>?> ReadAsync(Store store, string caseId, Principal user, CancellationToken ct = default)
    {
        var c = await CaseAccess.FindAsync(store, caseId, ct);
        var allowed = c is not null && CaseAccess.MayRead(user, c);
        IReadOnlyList<CaseNote>? notes = allowed ? await LoadAsync(store, caseId, ct) : null;
        await store.Audit.AppendAsync(AuditEvent.By(user, "case.notes.read", "case:" + caseId,
            Outcome(c is not null, allowed), notes is null ? "" : notes.Count.ToString(CultureInfo.InvariantCulture) + " notes"), ct);
        return notes;
    }

    /// <summary>Adds a note to a case, with its audit entry in the same transaction; null when <paramref name="user"/> may not.</summary>
    /// <exception cref="ModelException">The text is empty or longer than <see cref="MaxLength"/>.</exception>
    public static async Task<CaseNote?> AddAsync(Store store, string caseId, string text, Principal user, CancellationToken ct = default)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            throw new ModelException("a note needs text", field: "text");
        }

        if (text.Length > MaxLength)
        {
            throw new ModelException(string.Create(CultureInfo.InvariantCulture, $"a note has at most {MaxLength} characters"), field: "text");
        }

        var c = await CaseAccess.FindAsync(store, caseId, ct);
        if (c is null || !CaseAccess.MayWrite(user, c))
        {
            await store.Audit.AppendAsync(AuditEvent.By(user, "case.note.add", "case:" + caseId, Outcome(c is not null, false)), ct);
            return null;
        }

        var created = store.Time.GetUtcNow();
        await using var connection = await store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        var id = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO case_notes (case_id, author, organisation, created, text) VALUES (@caseId, @author, @org, @created, @text) RETURNING id",
            new { caseId, author = user.UserName, org = user.Organisation, created = Store.Format(created), text }, tx);
        await store.Audit.AppendAsync(connection, tx, [AuditEvent.By(user, "case.note.add", "case:" + caseId, "ok",
            "note:" + id.ToString(CultureInfo.InvariantCulture))]);
        await tx.CommitAsync(ct);
        return new CaseNote(id, caseId, user.UserName, user.Organisation, created, text);
    }

    /// <summary>The notes of a case, without access check or audit (the caller has done both).</summary>
    internal static async Task<IReadOnlyList<CaseNote>> LoadAsync(Store store, string caseId, CancellationToken ct)
    {
        await using var connection = await store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<NoteRow>(
            "SELECT id AS Id, case_id AS CaseId, author AS Author, organisation AS Organisation, created AS Created, text AS Text FROM case_notes WHERE case_id = @caseId ORDER BY id",
            new { caseId });
        return rows.Select(r => new CaseNote(r.Id, r.CaseId, r.Author, r.Organisation,
            DateTimeOffset.Parse(r.Created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), r.Text)).ToList();
    }

    // "none" when there is no such case, Deny when the user is not a member: both answered alike, told apart in the audit.
    internal static string Outcome(bool exists, bool allowed) => allowed ? "ok" : exists ? nameof(Decision.Deny) : "none";

    private sealed record NoteRow(long Id, string CaseId, string Author, string Organisation, string Created, string Text);
}
