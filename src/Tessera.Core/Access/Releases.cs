using Tessera.Core.FollowUp;
using Tessera.Core.Model;

namespace Tessera.Core.Access;

/// <summary>A release in force: the provider's consent that one organisation sees one record (all of it, or its core data)
/// for one purpose, until revoked (Europol Regulation 2016/794 Arts. 19–20).</summary>
public sealed record ReleaseGrant(long Id, long ContributionId, string EntityId, string Organisation, ReleaseScope Scope, string Purpose)
{
    /// <summary>True when the grant covers the statement: the same record, and the property is core data or all was released.</summary>
    public bool Covers(Statement statement) =>
        statement.EntityId == EntityId && statement.ContributionId == ContributionId && (Scope == ReleaseScope.All || CoreData.Covers(statement.Property));
}

/// <summary>The core data of a record, returned after a confirmed match (Prüm II, Reg. (EU) 2024/982 Art. 47): the matched
/// fields — names, birth date, nationality, document and identifier values — with the owner's reference.</summary>
public static class CoreData
{
    private static readonly HashSet<string> CoreTypes = ["name", "identifier", "phone", "email", "iban"];

    private static readonly HashSet<string> Properties = SchemaModel.Default.Schemata
        .SelectMany(s => s.Properties.Values)
        .Where(p => CoreTypes.Contains(p.Type))
        .Select(p => p.Name)
        .Concat(["birthDate", "nationality", "citizenship"])
        .ToHashSet(StringComparer.Ordinal);

    public static bool Covers(string property) => Properties.Contains(property);
}

/// <summary>The user may not do what they asked; the message says why in one line (exit 77 on the command line, HTTP 403).</summary>
/// <remarks>Every refusal of the access policy and of the rules built on it is this type, so that each host maps it in one
/// place; it is an <see cref="UnauthorizedAccessException"/>, and unlike a file the operating system refuses to open, it is
/// always the platform's decision.</remarks>
public sealed class AccessRefusedException : UnauthorizedAccessException
{
    public AccessRefusedException(string message)
        : base(message)
    {
    }

    public AccessRefusedException()
    {
    }

    public AccessRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
