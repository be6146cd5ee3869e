using Tessera.Core.Model;

namespace Tessera.Core.Access;

/// <summary>A stored statement with the contribution it came from.</summary>
public sealed record StatementRecord(Statement Statement, Contribution Contribution, IReadOnlySet<string> CaseMembers)
{
    /// <summary>Releases in force on the statement's record; each counts for this statement only when it covers it.</summary>
    public IReadOnlyList<ReleaseGrant> Releases { get; init; } = [];

    /// <summary>Who the statement's entity is about when its row says so (a mapping's subject); null when the contribution's
    /// category applies.</summary>
    public SubjectCategory? RowSubject { get; init; }

    /// <summary>What the policy decides on: the contribution's target, with the row's own subject category when it has one
    /// (an informant row stays with its provider even in a contribution about suspects), and the releases that cover it.</summary>
    public AccessTarget Target
    {
        get
        {
            var target = AccessTarget.Of(Contribution, CaseMembers);
            if (RowSubject is { } subject)
            {
                target = target with { SubjectCategory = subject };
            }

            return Releases.Count == 0
                ? target
                : target with
                {
                    Releases = Releases.Where(r => r.Covers(Statement)).GroupBy(r => r.Organisation, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => g.First().Purpose, StringComparer.Ordinal),
                };
        }
    }
}

/// <summary>Where a user learns only that data exists: the owner and a reference to ask for it.</summary>
public sealed record HitReference(string Owner, string Reference);

/// <summary>An entity as one user may see it: the statements they may read, and references for what is withheld.</summary>
public sealed record EntityView(string Id, string Schema, IReadOnlyList<StatementRecord> Statements, IReadOnlyList<HitReference> Withheld)
{
    /// <summary>True when the user may see nothing but that data exists.</summary>
    public bool HitOnly => Statements.Count == 0 && Withheld.Count > 0;

    /// <summary>The visible values as an entity (original and normalised values).</summary>
    public Entity ToEntity() => new(Id, Schema, Statements
        .Select(s => new PropertyValue(s.Statement.Property, s.Statement.Value, s.Statement.Normalised, s.Statement.Valid, s.Statement.Reason))
        .ToList());

    /// <summary>Splits an entity's stored statements by what <paramref name="principal"/> may do with them.</summary>
    /// <returns>Null when nothing may even be known: the caller must answer exactly as if there were no data.</returns>
    public static EntityView? For(Principal principal, AccessAction action, string id, IReadOnlyList<StatementRecord> statements, WithheldReferences references)
    {
        var visible = new List<StatementRecord>();
        var withheld = new Dictionary<long, HitReference>();
        foreach (var s in statements)
        {
            switch (AccessPolicy.Decide(principal, action, s.Target))
            {
                case Decision.Allow:
                    visible.Add(s);
                    break;
                case Decision.HitOnly:
                    withheld[s.Contribution.Id] = new HitReference(s.Contribution.Organisation, references.For(s.Contribution.Id, id));
                    break;
            }
        }

        if (visible.Count == 0 && withheld.Count == 0)
        {
            return null;
        }

        var schema = (visible.Count > 0 ? visible : statements).Select(s => s.Statement.Schema).First();
        return new EntityView(id, visible.Count > 0 ? schema : "Thing", visible, withheld.Values.ToList());
    }
}
