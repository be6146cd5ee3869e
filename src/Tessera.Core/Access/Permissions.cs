namespace Tessera.Core.Access;

/// <summary>What a user may do on the platform itself, asked by hosts and pages: each answer comes from the one access policy,
/// so that no page or endpoint decides on its own.</summary>
public static partial class Permissions
{
    /// <summary>Aggregate statistics only (the situational picture): every signed-in role, policy officers included.</summary>
    public static bool MayReadAggregates(Principal user) => Allowed(user, AccessAction.ReadAggregates, AccessTarget.Platform);

    /// <summary>Setting the impact level of a border section.</summary>
    public static bool MaySetImpactLevel(Principal user) => Allowed(user, AccessAction.SetImpactLevel, AccessTarget.Platform);

    /// <summary>Contributing data in the name of <paramref name="organisation"/>: only for the user's own organisation (the
    /// platform operator on the server may seed any).</summary>
    public static bool MayContributeFor(Principal user, string organisation) =>
        user == Principal.System || (user.Organisation == organisation && Allowed(user, AccessAction.Contribute, AccessTarget.OwnRecordsOf(organisation)));

    /// <summary>Importing data for the user's own organisation.</summary>
    public static bool MayImport(Principal user) => MayContributeFor(user, user.Organisation);

    private static bool Allowed(Principal user, AccessAction action, AccessTarget target) => AccessPolicy.Decide(user, action, target) == Decision.Allow;
}
