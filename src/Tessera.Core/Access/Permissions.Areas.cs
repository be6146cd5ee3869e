namespace Tessera.Core.Access;

/// <summary>Which areas of the platform a user can use at all: the questions a menu and a landing page ask.</summary>
public static partial class Permissions
{
    /// <summary>Working with records: searching, hits, requests, cases, networks. Only case workers (analysts, supervisors,
    /// hub analysts) may read even their own organisation's records; policy officers, auditors and administrators see no
    /// case data.</summary>
    public static bool MayWorkCases(Principal user) => Allowed(user, AccessAction.View, AccessTarget.OwnRecordsOf(user.Organisation));

    /// <summary>Reading and verifying the audit trail.</summary>
    public static bool MayReadAudit(Principal user) => Allowed(user, AccessAction.ReadAudit, AccessTarget.Platform);

    /// <summary>Administering organisations, users and configuration.</summary>
    public static bool MayAdminister(Principal user) => Allowed(user, AccessAction.Administer, AccessTarget.Platform);

    /// <summary>The Reports area and the Schengen Barometer+ report: aggregates only.</summary>
    public static bool MayReport(Principal user) => Allowed(user, AccessAction.Report, AccessTarget.Platform);

    /// <summary>Setting <paramref name="organisation"/>'s status of an action of the Council note: only for the user's own organisation.</summary>
    public static bool MayTrackActionsFor(Principal user, string organisation) =>
        user.Organisation == organisation && Allowed(user, AccessAction.TrackAction, AccessTarget.OwnRecordsOf(organisation));
}
