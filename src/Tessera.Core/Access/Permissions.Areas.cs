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
}
