using System.Globalization;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Model;

namespace Tessera.Storage.Contributions;

/// <summary>A record that another one refers to (a call's caller, a payment's payer), as the reader may see it.</summary>
/// <param name="From">The referring entity.</param>
/// <param name="Property">The referring property (caller, receiver, payer, beneficiary …).</param>
/// <param name="EntityId">The referred entity, as stored in the referring record.</param>
/// <param name="Caption">Its name when the reader may read it; null when it is withheld.</param>
/// <param name="Withheld">Who to ask for it when the reader may know only that it exists; null otherwise.</param>
public sealed record LinkedRecord(string From, string Property, string EntityId, string? Caption, HitReference? Withheld);

/// <summary>The records that visible records refer to, named through the policy.</summary>
public sealed partial class ContributionStore
{
    /// <summary>Every record referred to by a visible value of <paramref name="views"/>, with its name where
    /// <paramref name="by"/> may read it.</summary>
    /// <remarks>Each referred record goes through the policy on its own, as if opened: a withheld one is shown as withheld
    /// (with the owner and a reference when the user may know that much), never by its name. The user already sees the
    /// reference itself, a value of a record they may read. One audit entry names the records read.</remarks>
    public async Task<IReadOnlyList<LinkedRecord>> LinkedAsync(IReadOnlyList<EntityView> views, Principal by, CancellationToken ct = default)
    {
        var links = views
            .SelectMany(v => v.Statements.Where(s => IsReference(s.Statement)).Select(s => (From: v.Id, s.Statement.Property, To: s.Statement.Normalised ?? s.Statement.Value)))
            .Distinct()
            .ToList();
        if (links.Count == 0)
        {
            return [];
        }

        var targets = links.Select(l => l.To).Distinct(StringComparer.Ordinal).ToList();
        var records = (await StatementsOfAsync(targets, ct)).ToLookup(r => r.Statement.EntityId, StringComparer.Ordinal);
        var seen = targets.ToDictionary(t => t, t => EntityView.For(by, AccessAction.View, t, records[t].ToList(), _store.Settings.References), StringComparer.Ordinal);
        var result = links.Select(l => seen[l.To] switch
        {
            { HitOnly: false } v => new LinkedRecord(l.From, l.Property, l.To, v.ToEntity().Caption, null),
            { HitOnly: true } v => new LinkedRecord(l.From, l.Property, l.To, null, v.Withheld[0]),
            _ => new LinkedRecord(l.From, l.Property, l.To, null, null),
        }).ToList();
        var shown = seen.Where(s => s.Value is { HitOnly: false }).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
        await _store.Audit.AppendAsync(AuditEvent.By(by, "entity.linked", "entities", "ok",
            string.Create(CultureInfo.InvariantCulture, $"{shown.Count} named of {targets.Count} linked: {string.Join(", ", shown)}")), ct);
        return result;
    }

    private static bool IsReference(Statement statement) =>
        SchemaModel.Default.TryGetSchema(statement.Schema, out var schema)
        && schema.Properties.TryGetValue(statement.Property, out var property)
        && property.IsEntityReference;
}
