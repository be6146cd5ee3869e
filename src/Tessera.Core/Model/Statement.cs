namespace Tessera.Core.Model;

/// <summary>A stored statement: one value of one property of one entity, from one contribution.</summary>
/// <remarks>The unit of storage and of access control: a statement is visible to whom its contribution is visible.</remarks>
public sealed record Statement(
    long Id,
    string EntityId,
    string Schema,
    string Property,
    string Value,
    string? Normalised,
    bool Valid,
    string? Reason,
    long ContributionId);
