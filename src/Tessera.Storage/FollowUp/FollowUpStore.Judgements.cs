using System.Globalization;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.FollowUp;
using Tessera.Core.Model;
using Tessera.Storage.CrossCheck;

namespace Tessera.Storage.FollowUp;

/// <summary>A stored match decision: who judged two records the same or not, when and why.</summary>
/// <param name="Decision">confirmed (the same person or object), linked (a confirmed tie between records of different kinds,
/// never a merge), rejected, or split (an earlier confirmation undone).</param>
public sealed record Judgement(long Id, string Left, string Right, string Decision, string Organisation, string User, string Reason, long? HitId, DateTimeOffset Time);

/// <summary>Match decisions and the resolved identities they drive.</summary>
public sealed partial class FollowUpStore
{
    /// <summary>Strong identifiers that name one object: one IMO number is one vessel, one IBAN one account (schema, property).</summary>
    private static readonly (string Schema, string Property)[] ObjectIdentifiers =
    [
        ("Vessel", "imoNumber"), ("Vessel", "mmsi"), ("Vehicle", "registrationNumber"), ("BankAccount", "iban"), ("CryptoWallet", "publicKey"),
        ("UserAccount", "username"),
    ];

    /// <summary>Confirms (<paramref name="same"/>) or rejects the match of a hit group with a reason: a judgement per pair of
    /// records in the group, the group's status, a notice to the other side, audited on both sides.</summary>
    /// <remarks>Prüm II, Reg. (EU) 2024/982 Art. 47(1)(b): a match is manually confirmed by qualified staff of the requesting
    /// side; only then does the 48-hour deadline for core data run. Confirming a rejected group (or the reverse) reverses the
    /// decision; the latest judgement of a pair holds.</remarks>
    /// <exception cref="ModelException">Unknown hit, or no reason given.</exception>
    /// <exception cref="AccessRefusedException">The user may not judge matches.</exception>
    public async Task JudgeAsync(Principal user, long hitId, bool same, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ModelException("a match decision needs a reason", field: "reason");
        }

        var (group, key, hits) = await ForWorkAsync(user, hitId, ct);
        var status = same ? HitStatus.Confirmed : HitStatus.Rejected;
        var from = HitStatuses.Parse(group.Status);
        if (from == HitStatus.Closed)
        {
            throw ModelException.Clash($"hit {hitId.ToString(CultureInfo.InvariantCulture)} is closed; reopen it (status in-review) first", field: "status");
        }

        var pairs = new List<(string Left, string Right, string Decision, long HitId)>();
        var records = await _store.Contributions.StatementsOfAsync(hits.SelectMany(h => new[] { h.Mine.EntityId, h.OtherRecord.EntityId }).Distinct().ToList(), ct);
        var schemaOf = records.GroupBy(r => r.Statement.EntityId).ToDictionary(g => g.Key, g => g.First().Statement.Schema, StringComparer.Ordinal);
        foreach (var h in hits)
        {
            var (left, right) = Ordered(h.Mine.EntityId, h.OtherRecord.EntityId);
            var merges = schemaOf.GetValueOrDefault(left) is { } a && a == schemaOf.GetValueOrDefault(right) && SchemaModel.Default.TryGetSchema(a, out var schema) && schema.Edge is null;
            pairs.Add((left, right, same ? (merges ? "confirmed" : "linked") : "rejected", h.Id));
        }

        var others = hits.Select(h => h.Other?.Organisation ?? h.OtherWithheld!.Owner).Distinct(StringComparer.Ordinal).ToList();
        var detail = (same ? "confirmed: " : "rejected: ") + reason.Trim();
        var audit = others.Select(o => new AuditEvent(user.UserName, o, same ? "match.confirmed.notice" : "match.rejected.notice",
            "hit:" + hitId.ToString(CultureInfo.InvariantCulture), "ok", "by " + user.Organisation)).ToList();
        audit.Add(AuditEvent.By(user, same ? "match.confirm" : "match.reject", "hit:" + hitId.ToString(CultureInfo.InvariantCulture), "ok", reason.Trim()));
        await WriteAsync(user, key, hitId, status, group.Assignee, same ? "confirm" : "reject", detail, audit, ct, async (connection, tx) =>
        {
            var now = _store.Now();
            foreach (var (left, right, decision, id) in pairs.DistinctBy(p => (p.Left, p.Right)))
            {
                await connection.ExecuteAsync(
                    "INSERT INTO match_judgements (left_entity, right_entity, decision, organisation, user_name, reason, hit_id, created) " +
                    "VALUES (@left, @right, @decision, @organisation, @user, @reason, @id, @now)",
                    new { left, right, decision, organisation = user.Organisation, user = user.UserName, reason = reason.Trim(), id, now }, tx);
            }

            foreach (var org in others)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO notices (created, organisation, kind, hit_id, from_organisation, details) VALUES (@now, @org, @kind, @hitId, @from, @details)",
                    new { now, org, kind = same ? "match-confirmed" : "match-rejected", hitId, from = user.Organisation, details = $"{user.Organisation} {detail}" }, tx);
            }
        });
    }

    /// <summary>Undoes a confirmed identity between two records: a split judgement, audited; they are two again everywhere.</summary>
    /// <exception cref="ModelException">The two records were never confirmed the same, or the user may not know of them.</exception>
    public async Task SplitAsync(Principal user, string entity, string other, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ModelException("a split needs a reason", field: "reason");
        }

        var (left, right) = Ordered(entity, other);
        var latest = (await LatestJudgementsAsync(ct)).GetValueOrDefault((left, right));
        var known = await _store.Contributions.ReadEntityAsync(entity, user, ct) is { HitOnly: false } && await _store.Contributions.ReadEntityAsync(other, user, ct) is { HitOnly: false };
        if (latest is not { Decision: "confirmed" } || !known)
        {
            throw ModelException.Unknown($"{entity} and {other} are not one identity", "entity");
        }

        if (FollowUpRules.MayJudge(user, AccessTarget.OwnRecordsOf(user.Organisation)) is { } refusal)
        {
            throw new AccessRefusedException(refusal);
        }

        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        await connection.ExecuteAsync(
            "INSERT INTO match_judgements (left_entity, right_entity, decision, organisation, user_name, reason, hit_id, created) VALUES (@left, @right, 'split', @org, @user, @reason, NULL, @now)",
            new { left, right, org = user.Organisation, user = user.UserName, reason = reason.Trim(), now = _store.Now() }, tx);
        await _store.Audit.AppendAsync(connection, tx, [AuditEvent.By(user, "match.split", $"entity:{left}|{right}", "ok", reason.Trim())]);
        await tx.CommitAsync(ct);
    }

    /// <summary>The latest judgement of every judged pair of records.</summary>
    public async Task<IReadOnlyDictionary<(string Left, string Right), Judgement>> LatestJudgementsAsync(CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string Left, string Right, string Decision, string Organisation, string User, string Reason, long? HitId, string Created)>(
            "SELECT id, left_entity, right_entity, decision, organisation, user_name, reason, hit_id, created FROM match_judgements ORDER BY id");
        var latest = new Dictionary<(string, string), Judgement>();
        foreach (var r in rows)
        {
            latest[(r.Left, r.Right)] = new Judgement(r.Id, r.Left, r.Right, r.Decision, r.Organisation, r.User, r.Reason, r.HitId, Store.ParseTime(r.Created));
        }

        return latest;
    }

    /// <summary>Pairs of records whose latest judgement rejects the match: they never hit again.</summary>
    internal async Task<IReadOnlySet<(string Left, string Right)>> RejectedPairsAsync(CancellationToken ct) =>
        (await LatestJudgementsAsync(ct)).Where(j => j.Value.Decision == "rejected").Select(j => j.Key).ToHashSet();

    /// <summary>True when the latest judgement of the two records rejects the match.</summary>
    public static bool IsRejected(IReadOnlySet<(string Left, string Right)> rejected, string a, string b) => rejected.Contains(Ordered(a, b));

    /// <summary>The resolved identities: records tied by a confirmed match, and objects sharing one exact strong identifier
    /// (one IMO number is one vessel) unless a judgement rejected or split that pair.</summary>
    /// <remarks>An identity is only a way of showing records together; each record keeps its provider and its restrictions,
    /// and a user sees of an identity only the records the policy lets them see.</remarks>
    public async Task<IdentityClusters> IdentitiesAsync(CancellationToken ct = default)
    {
        // Identities change only with a judgement or new data: reuse them while neither changed (two cheap reads).
        (long, long) version;
        await using (var check = await _store.ConnectAsync(ct))
        {
            version = (await check.ExecuteScalarAsync<long?>("SELECT MAX(id) FROM match_judgements") ?? 0,
                await check.ExecuteScalarAsync<long?>("SELECT MAX(id) FROM contributions") ?? 0);
        }

        if (_identities is { } cached && cached.Version == version)
        {
            return cached.Clusters;
        }

        var clusters = await BuildIdentitiesAsync(ct);
        _identities = new CachedIdentities(version, clusters);
        return clusters;
    }

    private CachedIdentities? _identities;

    private sealed record CachedIdentities((long, long) Version, IdentityClusters Clusters);

    private async Task<IdentityClusters> BuildIdentitiesAsync(CancellationToken ct)
    {
        var latest = await LatestJudgementsAsync(ct);
        var same = latest.Where(j => j.Value.Decision == "confirmed").Select(j => j.Key).ToList();
        await using var connection = await _store.ConnectAsync(ct);
        foreach (var (schema, property) in ObjectIdentifiers)
        {
            var rows = await connection.QueryAsync<(string EntityId, string Normalised, long Valid)>(
                "SELECT entity_id, normalised, valid FROM statements WHERE property = @property AND schema = @schema AND normalised IS NOT NULL",
                new { property, schema });
            foreach (var holders in rows.Where(r => r.Valid != 0).GroupBy(r => r.Normalised, StringComparer.Ordinal))
            {
                var ids = holders.Select(h => h.EntityId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                same.AddRange(ids.Skip(1).Select(id => Ordered(ids[0], id)).Where(p => latest.GetValueOrDefault(p)?.Decision is not ("rejected" or "split")));
            }
        }

        return IdentityClusters.Of(same);
    }

    private static (string, string) Ordered(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}

/// <summary>Another record of the same resolved identity, as one user may know of it.</summary>
/// <param name="EntityId">The record's id when the user may read it; null when they may only know it exists.</param>
/// <param name="Reference">The reference to ask for it, when withheld.</param>
public sealed record IdentityMember(string? EntityId, string Organisation, string? Reference);

public sealed partial class FollowUpStore
{
    /// <summary>The other records of <paramref name="entityId"/>'s resolved identity that the user may know of ("also held by
    /// IT, MT"): in full where the policy allows, else the owner and a reference; records the user may not know of are left out.</summary>
    public async Task<IReadOnlyList<IdentityMember>> AlsoHeldAsync(Principal user, string entityId, CancellationToken ct = default)
    {
        var identities = await IdentitiesAsync(ct);
        var others = identities.MembersOf(entityId).Where(m => m != entityId).ToList();
        return others.Count == 0 ? [] : AlsoHeld(user, entityId, identities, await _store.Contributions.StatementsOfAsync(others, ct));
    }

    /// <summary><see cref="AlsoHeldAsync"/> over identities and statements already read.</summary>
    public IReadOnlyList<IdentityMember> AlsoHeld(Principal user, string entityId, IdentityClusters identities, IReadOnlyList<StatementRecord> statements)
    {
        var members = new List<IdentityMember>();
        foreach (var other in identities.MembersOf(entityId).Where(m => m != entityId))
        {
            var records = statements.Where(s => s.Statement.EntityId == other).ToList();
            if (records.Count > 0 && EntityView.For(user, AccessAction.View, other, records, _store.Settings.References) is { } view)
            {
                members.Add(view.HitOnly
                    ? new IdentityMember(null, view.Withheld[0].Owner, view.Withheld[0].Reference)
                    : new IdentityMember(other, records[0].Contribution.Organisation, null));
            }
        }

        return members;
    }
}
