using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Model;
using Tessera.Storage.Directory;

namespace Tessera.Storage.Cases;

/// <summary>Who may work in a case: decided by the one access policy, with the case workspace as the record.</summary>
/// <remarks>The workspace (its members, notes and list of contributions) is handled as H2 data owned by the case's
/// owner and shared with its members (docs/design.md, "Access": data shared with a case is visible to its members, H2 data
/// is not passed on without the provider's consent): the policy then allows its members' case workers and
/// nobody else — a hub analyst outside the case learns at most that it exists, which the workspace never shows.</remarks>
public static class CaseAccess
{
    private static readonly HandlingCodes WorkspaceHandling = HandlingCodes.Parse("H2");

    /// <summary>The access target standing for a case's workspace.</summary>
    public static AccessTarget TargetOf(CaseInfo c) => new(c.Owner, c.Members, WorkspaceHandling, SubjectCategory.Other);

    /// <summary>True when <paramref name="user"/> may read the case's workspace.</summary>
    public static bool MayRead(Principal user, CaseInfo c) => AccessPolicy.Decide(user, AccessAction.View, TargetOf(c)) == Decision.Allow;

    /// <summary>True when <paramref name="user"/> may add to the case's workspace (a note): a member who may contribute.</summary>
    public static bool MayWrite(Principal user, CaseInfo c) =>
        MayRead(user, c) && AccessPolicy.Decide(user, AccessAction.Contribute, TargetOf(c)) == Decision.Allow;

    /// <summary>One case with its members, or null when there is no such case; no access check, no audit.</summary>
    internal static async Task<CaseInfo?> FindAsync(Store store, string id, CancellationToken ct)
    {
        await using var connection = await store.ConnectAsync(ct);
        var c = await connection.QuerySingleOrDefaultAsync<CaseRow>("SELECT id AS Id, title AS Title, owner AS Owner FROM cases WHERE id = @id", new { id });
        if (c is null)
        {
            return null;
        }

        var members = await connection.QueryAsync<string>("SELECT organisation FROM case_members WHERE case_id = @id", new { id });
        return new CaseInfo(c.Id, c.Title, c.Owner, members.ToHashSet(StringComparer.Ordinal));
    }

    private sealed record CaseRow(string Id, string Title, string Owner);
}
